package dev.attentive.reviewer.analysis.tests;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.attentive.events.FileStatus;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.reviewer.analysis.Chunks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The test analyzer's pull-request fixtures (test-analyzer-fixtures/NAME/{base,head}/FILE): a chunk built the way
 * ingest builds one, from GitHub's kind of patch (java-diff-utils' unified diff without its file header) through
 * PatchParser, with the head file attached.
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
    return Chunks.chunk(path, FileStatus.MODIFIED, patch(path, base, head), head);
  }

  /** GitHub's "patch" of a file: the hunks of a unified diff with three lines of context. */
  static String patch(String path, String base, String head) {
    List<String> b = base.lines().toList();
    List<String> h = head.lines().toList();
    Patch<String> diff = DiffUtils.diff(b, h);
    List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, b, diff, 3);
    return String.join("\n", unified.subList(2, unified.size())) + "\n";
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
