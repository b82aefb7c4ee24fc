package dev.attentive.github.call;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.HttpException;

/**
 * What a failed GitHub call means for the next try.
 *
 * @param status the HTTP status, or 0 when there was no answer (connection failure, time-out)
 * @param retryAfter for {@link Kind#RATE_LIMITED}: how long GitHub asks us to wait
 */
public record GitHubFailure(Kind kind, int status, Duration retryAfter, String message) {

  public enum Kind {
    /**
     * 403 secondary/primary rate limit or 429: nothing happened; wait {@code retryAfter}, then try
     * again.
     */
    RATE_LIMITED,
    /**
     * 5xx, 408, time-outs, connection errors: may pass; the request may or may not have taken
     * effect.
     */
    TRANSIENT,
    /**
     * Any other 4xx (422 for a review GitHub cannot place, 404, 401...): the same request will fail
     * again.
     */
    PERMANENT
  }

  /**
   * Sorts a failure the kohsuke client threw. Its rate-limit handlers are set to {@code FAIL}, so a
   * limit comes back as an {@link HttpException} with the response headers: {@code Retry-After}
   * (seconds or an HTTP date) wins, then {@code X-RateLimit-Reset} when {@code
   * X-RateLimit-Remaining} is 0, else {@code defaultWait}.
   */
  public static GitHubFailure classify(IOException e, Duration defaultWait, Clock clock) {
    String message = firstLine(e.getMessage());
    if (e
        instanceof
        FileNotFoundException) { // GHFileNotFoundException: 404 (or a 410 GitHub sends as such)
      return new GitHubFailure(Kind.PERMANENT, 404, Duration.ZERO, message);
    }
    if (!(e instanceof HttpException http) || http.getResponseCode() <= 0) {
      return new GitHubFailure(
          Kind.TRANSIENT, 0, Duration.ZERO, e.getClass().getSimpleName() + ": " + message);
    }
    int status = http.getResponseCode();
    Map<String, List<String>> headers = headers(http);
    String retryAfter = header(headers, "Retry-After");
    boolean primaryExhausted = "0".equals(header(headers, "X-RateLimit-Remaining"));
    boolean rateLimited =
        status == 429
            || (status == 403
                && (retryAfter != null
                    || primaryExhausted
                    || header(headers, "gh-limited-by") != null
                    || message.toLowerCase(Locale.ROOT).contains("rate limit")));
    if (rateLimited) {
      return new GitHubFailure(
          Kind.RATE_LIMITED,
          status,
          waitFor(
              retryAfter,
              primaryExhausted ? header(headers, "X-RateLimit-Reset") : null,
              defaultWait,
              clock),
          message);
    }
    if (status >= 500 || status == 408) {
      return new GitHubFailure(Kind.TRANSIENT, status, Duration.ZERO, message);
    }
    return new GitHubFailure(Kind.PERMANENT, status, Duration.ZERO, message);
  }

  /**
   * Whether retrying the request cannot help: a 4xx that is no rate limit (404, 403 without a
   * limit, 422...).
   */
  public static boolean isPermanent(IOException e) {
    return classify(e, Duration.ZERO, Clock.systemUTC()).kind() == Kind.PERMANENT;
  }

  static Duration waitFor(
      String retryAfter, String rateLimitReset, Duration defaultWait, Clock clock) {
    if (retryAfter != null) {
      String value = retryAfter.trim();
      try {
        return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
      } catch (NumberFormatException notSeconds) {
        try {
          Duration until =
              Duration.between(
                  clock.instant(),
                  ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
          return until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException notADate) {
          return defaultWait;
        }
      }
    }
    if (rateLimitReset != null) {
      try {
        long resetEpoch = Long.parseLong(rateLimitReset.trim());
        Duration until = Duration.ofSeconds(resetEpoch - clock.instant().getEpochSecond() + 1);
        return until.isNegative() ? Duration.ZERO : until;
      } catch (NumberFormatException e) {
        return defaultWait;
      }
    }
    return defaultWait;
  }

  private static Map<String, List<String>> headers(GHIOException e) {
    try {
      Map<String, List<String>> headers = e.getResponseHeaderFields();
      return headers == null ? Map.of() : headers;
    } catch (NullPointerException none) {
      return Map
          .of(); // the client wraps the header map unconditionally; an exception without one throws
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null
          && h.getKey().equalsIgnoreCase(name)
          && h.getValue() != null
          && !h.getValue().isEmpty()) {
        return h.getValue().get(0);
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 500 ? line.substring(0, 500) : line;
  }
}
