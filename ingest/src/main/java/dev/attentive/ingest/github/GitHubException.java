package dev.attentive.ingest.github;

import java.io.IOException;

/** Failures talking to GitHub, split by whether trying again can help. */
public final class GitHubException {

  private GitHubException() {}

  /** Not found, forbidden, bad credentials: retrying the same request will not help. */
  public static class Permanent extends IOException {
    private final int status;

    public Permanent(int status, String message, Throwable cause) {
      super(message, cause);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
