package dev.attentive.testkit.github;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The one WireMock transformer behind every emulated endpoint: a stub names its handler by id, and
 * the handler turns the request into the answer. Registered with the server before it starts; stubs
 * are added through {@link Stubs#serve}.
 */
final class Handlers implements ResponseDefinitionTransformerV2 {

  static final String NAME = "attentive-github-handler";
  static final String PARAMETER = "handler";

  private final Map<String, Function<RecordedRequest, EmulatedResponse>> handlers =
      new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /** Keeps {@code handler} and returns the id its stub names. */
  String add(Function<RecordedRequest, EmulatedResponse> handler) {
    String id = "handler-" + ids.incrementAndGet();
    handlers.put(id, handler);
    return id;
  }

  void clear() {
    handlers.clear();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Function<RecordedRequest, EmulatedResponse> handler =
        handlers.get(event.getTransformerParameters().getString(PARAMETER));
    EmulatedResponse answer =
        handler == null ? Stubs.notFound() : handler.apply(RecordedRequest.of(event.getRequest()));
    ResponseDefinitionBuilder response =
        ResponseDefinitionBuilder.like(event.getResponseDefinition())
            .but()
            .withStatus(answer.status())
            .withBody(answer.body());
    answer.headers().forEach(response::withHeader);
    return response.build();
  }
}
