package dev.attentive.testkit.github;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The core rate limit: every request but {@code GET /rate_limit} counts against {@link #LIMIT} an
 * hour, and every response carries GitHub's headers ({@code Date}, JSON content type, {@code
 * X-GitHub-Media-Type}, {@code X-RateLimit-*}, a request id) unless it set them itself. {@code GET
 * /rate_limit} reports the live usage.
 */
final class RateLimitEndpoints {

  static final int LIMIT = 5000;

  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  private int used;
  private long reset;

  RateLimitEndpoints() {
    reset();
  }

  /**
   * Adds GitHub's headers to every response and counts the request; registered before the server
   * starts.
   */
  ResponseTransformerV2 headers() {
    return new HeadersTransformer();
  }

  void install(Stubs stubs) {
    stubs.serve(
        "GET",
        "/rate_limit",
        request -> {
          long[] rate = tick(false);
          return EmulatedResponse.json(
              200, GitHubJson.write(stubs.json().rateLimit(LIMIT, (int) rate[0], rate[1])));
        });
  }

  synchronized void reset() {
    used = 0;
    reset = Instant.now().getEpochSecond() + 3600;
  }

  /**
   * Counts one request (unless {@code count} is false) and returns {used, reset}. Windows roll
   * hourly.
   */
  private synchronized long[] tick(boolean count) {
    long now = Instant.now().getEpochSecond();
    if (now >= reset) {
      used = 0;
      reset = now + 3600;
    }
    if (count && used < LIMIT) {
      used++;
    }
    return new long[] {used, reset};
  }

  private final class HeadersTransformer implements ResponseTransformerV2 {
    @Override
    public String getName() {
      return "attentive-github-headers";
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
      long[] rate =
          tick(!URI.create(event.getRequest().getUrl()).getRawPath().equals("/rate_limit"));
      List<HttpHeader> headers = new ArrayList<>(response.getHeaders().all());
      // WireMock's own diagnostics headers are not something GitHub sends
      headers.removeIf(h -> h.keyEquals("Matched-Stub-Id") || h.keyEquals("Matched-Stub-Name"));
      addIfAbsent(headers, "Date", HTTP_DATE.format(Instant.now()));
      addIfAbsent(headers, "Content-Type", Stubs.JSON);
      addIfAbsent(headers, "X-GitHub-Media-Type", "github.v3; format=json");
      addIfAbsent(headers, "X-GitHub-Api-Version-Selected", "2022-11-28");
      addIfAbsent(headers, "X-RateLimit-Limit", Integer.toString(LIMIT));
      addIfAbsent(headers, "X-RateLimit-Remaining", Long.toString(Math.max(0, LIMIT - rate[0])));
      addIfAbsent(headers, "X-RateLimit-Reset", Long.toString(rate[1]));
      addIfAbsent(headers, "X-RateLimit-Used", Long.toString(rate[0]));
      addIfAbsent(headers, "X-RateLimit-Resource", "core");
      addIfAbsent(headers, "X-GitHub-Request-Id", requestId());
      return Response.Builder.like(response).but().headers(new HttpHeaders(headers)).build();
    }

    private void addIfAbsent(List<HttpHeader> headers, String name, String value) {
      if (headers.stream().noneMatch(h -> h.keyEquals(name))) {
        headers.add(new HttpHeader(name, value));
      }
    }

    private String requestId() {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      return String.format(
          "%04X:%04X:%06X:%06X:%08X",
          r.nextInt(0x10000),
          r.nextInt(0x10000),
          r.nextInt(0x1000000),
          r.nextInt(0x1000000),
          r.nextInt() & 0x7fffffff);
    }
  }
}
