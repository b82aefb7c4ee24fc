package dev.attentive.reviewer.analysis.testgen;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.reviewer.analysis.Chunks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The test analyzer's pull-request fixtures (test-analyzer-fixtures/NAME/{base,head}/FILE): a chunk
 * built the way ingest builds one, from GitHub's kind of patch (java-diff-utils' unified diff
 * without its file header) through PatchParser, with the head file attached.
 */
final class Fixtures {

  private Fixtures() {}

  static String base(String name, String file) {
    return resource("test-analyzer-fixtures/" + name + "/base/" + file);
  }

  static String head(String name, String file) {
    return resource("test-analyzer-fixtures/" + name + "/head/" + file);
  }

  /** The chunk of a modified file: src/main/java/PACKAGE/FILE. */
  static PullRequestDiffChunk fixture(String name, String path, String file) {
    return chunk(path, base(name, file), head(name, file));
  }

  static PullRequestDiffChunk chunk(String path, String base, String head) {
    return Chunks.modified(path, base, head);
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
