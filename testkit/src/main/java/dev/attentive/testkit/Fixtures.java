package dev.attentive.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Real GitHub webhook payloads, from octokit/webhooks (MIT; the licence is beside them), shipped in
 * this jar under {@value #DIRECTORY}: read from the classpath so a fresh clone's tests need nothing
 * outside the repository.
 */
public final class Fixtures {

  /** Where the payloads lie on the classpath. */
  public static final String DIRECTORY = "/github-webhooks/";

  private Fixtures() {}

  /**
   * Every payload example of octokit/webhooks (all event types, github.com, GHES and GitHub AE), as
   * names for {@link #webhook}: {@code octokit/<host>/<event>/<action>.payload.json}. Read from the
   * index beside them, since a directory inside a jar cannot be listed.
   */
  public static List<String> octokitPayloads() {
    String index = new String(webhook("octokit/INDEX"), StandardCharsets.UTF_8);
    return index
        .lines()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .map(l -> "octokit/" + l)
        .toList();
  }

  /** The payload's raw bytes, e.g. {@code webhook("pull_request_opened.json")}. */
  public static byte[] webhook(String fileName) {
    try (InputStream in = Fixtures.class.getResourceAsStream(DIRECTORY + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no webhook payload " + DIRECTORY + fileName + " on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
