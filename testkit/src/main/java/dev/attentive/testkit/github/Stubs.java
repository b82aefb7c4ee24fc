package dev.attentive.testkit.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every endpoint area shares: the started WireMock server, its base URL and GitHub's JSON
 * shapes, and the way stubs are added. Stub precedence is WireMock's priority, lower wins:
 * credential 401s ({@link #PRIORITY_AUTH}), injected failures ({@link #PRIORITY_FAILURE}), the
 * endpoints ({@link #PRIORITY_STUB}, also WireMock's default for stubs a test adds itself, of which
 * the newest wins), and the 404 catch-all ({@link #PRIORITY_NOT_FOUND}).
 */
final class Stubs {

  static final String JSON = "application/json; charset=utf-8";
  static final int PRIORITY_AUTH = 1;
  static final int PRIORITY_FAILURE = 2;
  static final int PRIORITY_STUB = 5;
  static final int PRIORITY_NOT_FOUND = 1000;

  private final WireMockServer server;
  private final Handlers handlers;
  private final String baseUrl;
  private final GitHubJson json;

  Stubs(WireMockServer server, Handlers handlers) {
    this.server = server;
    this.handlers = handlers;
    this.baseUrl = "http://127.0.0.1:" + server.port();
    this.json = new GitHubJson(baseUrl);
  }

  WireMockServer server() {
    return server;
  }

  String baseUrl() {
    return baseUrl;
  }

  GitHubJson json() {
    return json;
  }

  /**
   * Answers requests with this method ({@code ANY} or {@code *} for all) and path regex with {@code
   * handler}.
   */
  void serve(
      String method, String urlPathRegex, Function<RecordedRequest, EmulatedResponse> handler) {
    Objects.requireNonNull(handler, "handler");
    server.stubFor(
        mapping(method, urlPathRegex)
            .atPriority(PRIORITY_STUB)
            .willReturn(
                response(200, "{}")
                    .withTransformers(Handlers.NAME)
                    .withTransformerParameter(Handlers.PARAMETER, handlers.add(handler))));
  }

  /** Adds the stub at the endpoints' priority, replacing the one with the same id. */
  void upsert(MappingBuilder mapping) {
    mapping.atPriority(PRIORITY_STUB);
    var stub = mapping.build();
    removeIfPresent(stub.getId());
    server.addStubMapping(stub);
  }

  void removeIfPresent(UUID id) {
    if (server.getStubMapping(id).isPresent()) {
      server.removeStubMapping(id);
    }
  }

  /** Everything the endpoints did not answer: GitHub's 404. */
  void installNotFound() {
    server.stubFor(
        any(anyUrl())
            .atPriority(PRIORITY_NOT_FOUND)
            .willReturn(response(404, GitHubJson.write(GitHubJson.error("Not Found")))));
  }

  static ResponseDefinitionBuilder response(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
  }

  static EmulatedResponse notFound() {
    return EmulatedResponse.json(404, GitHubJson.write(GitHubJson.error("Not Found")));
  }

  static MappingBuilder mapping(String method, String urlPathRegex) {
    RequestMethod m = method(method);
    return m.equals(RequestMethod.ANY)
        ? any(urlPathMatching(urlPathRegex))
        : request(m.getName(), urlPathMatching(urlPathRegex));
  }

  static RequestPatternBuilder pattern(String method, String urlPathRegex) {
    return RequestPatternBuilder.newRequestPattern(method(method), urlPathMatching(urlPathRegex));
  }

  private static RequestMethod method(String method) {
    String m = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    return m.equals("*") ? RequestMethod.ANY : RequestMethod.fromString(m);
  }

  /** "owner/repo#n", the key of a pull request in every area. */
  static String key(String ownerRepo, int number) {
    return ownerRepo + "#" + number;
  }

  static UUID stubId(String name) {
    return UUID.nameUUIDFromBytes(("attentive-github:" + name).getBytes(StandardCharsets.UTF_8));
  }
}
