package dev.attentive.github.call;

import java.util.List;
import java.util.Map;
import org.kohsuke.github.HttpException;

/** Exceptions as the kohsuke client throws them. */
public final class GitHubErrors {

  private GitHubErrors() {}

  public static HttpException status(int status, String body) {
    return new HttpException(
        body, status, "HTTP " + status, "https://api.github.com/repos/o/r/pulls/1/reviews");
  }

  /** What the client's FAIL handlers throw: the status and every response header. */
  public static HttpException withHeaders(
      int status, String message, Map<String, List<String>> headers) {
    return new HttpException(
        message, status, "HTTP " + status, "https://api.github.com/repos/o/r/pulls/1/reviews") {
      private static final long serialVersionUID = 1L;

      @Override
      public Map<String, List<String>> getResponseHeaderFields() {
        return headers;
      }
    };
  }
}
