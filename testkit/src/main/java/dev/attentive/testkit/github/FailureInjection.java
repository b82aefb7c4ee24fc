package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.matching.RequestPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures a test asks for: the next matching requests answer an error status, or GitHub's
 * secondary rate limit, before the endpoints (and after the credential checks); later ones are
 * served normally. Of several pending on one path, the one added last answers first.
 */
final class FailureInjection {

  private static final String SECONDARY_RATE_LIMIT_MESSAGE =
      "You have exceeded a secondary rate limit. Please wait a"
          + " few minutes before you try again. If you reach out to GitHub Support for help, please include the request"
          + " ID %s.";
  private static final String SECONDARY_RATE_LIMIT_DOCS =
      "https://docs.github.com/free-pro-team@latest/rest/"
          + "overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";

  private Stubs stubs;
  private final AtomicInteger scenarios = new AtomicInteger();

  /** Slow storms by id: their requests are served, then answered late. */
  private final Map<Long, SlowStorm> slow = new ConcurrentHashMap<>();

  private final AtomicInteger storms = new AtomicInteger();

  private record SlowStorm(RequestPattern pattern, long delayMillis) {}

  /** Attached once the server runs ({@link #slowness} must be registered before it starts). */
  void attach(Stubs stubs) {
    this.stubs = stubs;
  }

  /** Delays the answers of matching requests while a slow storm lasts. */
  ResponseTransformerV2 slowness() {
    return new ResponseTransformerV2() {
      @Override
      public String getName() {
        return "attentive-github-slowness";
      }

      @Override
      public boolean applyGlobally() {
        return true;
      }

      @Override
      public Response transform(Response response, ServeEvent event) {
        long delay = 0;
        for (SlowStorm storm : slow.values()) {
          if (storm.pattern().match(event.getRequest()).isExactMatch()) {
            delay = Math.max(delay, storm.delayMillis());
          }
        }
        return delay == 0
            ? response
            : Response.Builder.like(response).but().incrementInitialDelay(delay).build();
      }
    };
  }

  /**
   * Every matching request meets {@code fault} until the returned storm is cleared; returns what
   * clears it.
   */
  Runnable storm(GitHubFault fault, String method, String urlPathRegex) {
    if (fault.kind() == GitHubFault.Kind.SLOW) {
      long id = storms.incrementAndGet();
      slow.put(
          id, new SlowStorm(Stubs.pattern(method, urlPathRegex).build(), fault.delay().toMillis()));
      return () -> slow.remove(id);
    }
    StubMapping stub =
        Stubs.mapping(method, urlPathRegex)
            .atPriority(Stubs.PRIORITY_FAILURE)
            .willReturn(answer(fault))
            .build();
    stubs.server().addStubMapping(stub);
    return () -> stubs.removeIfPresent(stub.getId());
  }

  /** The next {@code times} matching requests meet {@code fault} (not {@code SLOW}). */
  void faultNext(GitHubFault fault, String method, String urlPathRegex, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (fault.kind() == GitHubFault.Kind.SLOW) {
      throw new IllegalArgumentException("a slow answer lasts for a storm, not a count");
    }
    answerNext(method, urlPathRegex, times, answer(fault));
  }

  void reset() {
    slow.clear();
  }

  private static ResponseDefinitionBuilder answer(GitHubFault fault) {
    return switch (fault.kind()) {
      case SERVER_ERROR -> error(500);
      case BAD_GATEWAY -> error(502);
      case SECONDARY_RATE_LIMIT -> secondaryRateLimit(403, fault.delay().toSeconds());
      case TOO_MANY_REQUESTS -> secondaryRateLimit(429, fault.delay().toSeconds());
      case CONNECTION_RESET ->
          ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER);
      case EMPTY_RESPONSE ->
          ResponseDefinitionBuilder.responseDefinition().withFault(Fault.EMPTY_RESPONSE);
      case SLOW -> throw new IllegalArgumentException("slow answers are not stubs");
    };
  }

  private static ResponseDefinitionBuilder error(int status) {
    return Stubs.response(status, GitHubJson.write(GitHubJson.error(errorMessage(status))));
  }

  void failNext(String method, String urlPathRegex, int status, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status " + status);
    }
    answerNext(method, urlPathRegex, times, error(status));
  }

  void secondaryRateLimitNext(
      String method, String urlPathRegex, int retryAfterSeconds, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds " + retryAfterSeconds);
    }
    answerNext(method, urlPathRegex, times, secondaryRateLimit(403, retryAfterSeconds));
  }

  /** GitHub's secondary rate limit: 403 (or 429) with its message and {@code Retry-After}. */
  private static ResponseDefinitionBuilder secondaryRateLimit(int status, long retryAfterSeconds) {
    ObjectNode body =
        GitHubJson.error(
            String.format(SECONDARY_RATE_LIMIT_MESSAGE, "0000:0000:000000:000000:00000000"));
    body.put("documentation_url", SECONDARY_RATE_LIMIT_DOCS);
    body.put("status", Integer.toString(status));
    return Stubs.response(status, GitHubJson.write(body))
        .withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  private void answerNext(
      String method, String urlPathRegex, int times, ResponseDefinitionBuilder answer) {
    String scenario = "attentive-fail-next-" + scenarios.incrementAndGet();
    for (int i = 0; i < times; i++) {
      stubs
          .server()
          .stubFor(
              Stubs.mapping(method, urlPathRegex)
                  .atPriority(Stubs.PRIORITY_FAILURE)
                  .inScenario(scenario)
                  .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
                  .willSetStateTo(i == times - 1 ? "recovered" : "failed-" + (i + 1))
                  .willReturn(answer));
    }
  }

  private static String errorMessage(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Bad credentials";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 422 -> "Validation Failed";
      case 429 -> "Too Many Requests";
      case 500, 502 -> "Server Error";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Error " + status;
    };
  }
}
