package dev.attentive.publisher.github;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Check runs on a commit: what the publisher needs of GitHub's Checks API. */
public interface GitHubChecks {

  /** The id of an existing check run with this name on the commit, if any. */
  Optional<Long> find(String repository, Long installationId, String headSha, String name)
      throws IOException;

  /**
   * Creates a completed check run with the first batch of annotations (at most 50); returns its id.
   */
  long create(
      String repository, Long installationId, String headSha, String name, CheckOutput output)
      throws IOException;

  /**
   * Replaces the output of a check run, appending {@code output.annotations()} (at most 50) to
   * those it has.
   */
  void update(
      String repository, Long installationId, long id, String conclusion, CheckOutput output)
      throws IOException;

  /** GitHub takes at most 50 annotations per request. */
  int MAX_ANNOTATIONS_PER_REQUEST = 50;

  /**
   * @param conclusion {@code neutral} or {@code success}
   */
  record CheckOutput(
      String conclusion, String title, String summary, List<Annotation> annotations) {
    public CheckOutput {
      if (annotations.size() > MAX_ANNOTATIONS_PER_REQUEST) {
        throw new IllegalArgumentException(
            "at most " + MAX_ANNOTATIONS_PER_REQUEST + " annotations per request");
      }
      annotations = List.copyOf(annotations);
    }
  }

  /**
   * @param level {@code notice}, {@code warning} or {@code failure}
   */
  record Annotation(
      String path, int startLine, int endLine, String level, String title, String message) {}
}
