package dev.attentive.testkit.github;

import java.util.Objects;

/**
 * A review comment for {@link GitHubEmulator#addReview}, which records history as is (no diff
 * validation), e.g. the comments a bot posted before it lost its state.
 *
 * @param startLine null for a single-line comment
 */
public record NewReviewComment(String path, Integer startLine, int line, String body) {

  public NewReviewComment {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
  }

  public static NewReviewComment of(String path, int line, String body) {
    return new NewReviewComment(path, null, line, body);
  }
}
