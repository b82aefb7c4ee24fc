package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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

  private final Stubs stubs;
  private final AtomicInteger scenarios = new AtomicInteger();

  FailureInjection(Stubs stubs) {
    this.stubs = stubs;
  }

  void failNext(String method, String urlPathRegex, int status, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status " + status);
    }
    answerNext(
        method,
        urlPathRegex,
        times,
        Stubs.response(status, GitHubJson.write(GitHubJson.error(errorMessage(status)))));
  }

  void secondaryRateLimitNext(
      String method, String urlPathRegex, int retryAfterSeconds, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds " + retryAfterSeconds);
    }
    ObjectNode body =
        GitHubJson.error(
            String.format(SECONDARY_RATE_LIMIT_MESSAGE, "0000:0000:000000:000000:00000000"));
    body.put("documentation_url", SECONDARY_RATE_LIMIT_DOCS);
    body.put("status", "403");
    answerNext(
        method,
        urlPathRegex,
        times,
        Stubs.response(403, GitHubJson.write(body))
            .withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
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
