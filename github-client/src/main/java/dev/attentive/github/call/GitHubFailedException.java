package dev.attentive.github.call;

import java.io.IOException;

/**
 * A GitHub call that will not be tried again: refused (a 4xx that retrying cannot fix) or still
 * failing when the attempts or the retry budget ran out.
 *
 * @see #reason()
 */
public class GitHubFailedException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int status;

  public GitHubFailedException(String reason, int status, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.status = status;
  }

  /**
   * A short, stable code for dead letters and metrics: {@code github_<status>} when GitHub refused
   * the request, {@code github_unavailable} after 5xx/I-O failures, {@code github_rate_limited}
   * after rate limits.
   */
  public String reason() {
    return reason;
  }

  /** The last HTTP status, 0 when there was no answer. */
  public int status() {
    return status;
  }
}
