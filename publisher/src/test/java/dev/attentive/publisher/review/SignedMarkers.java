package dev.attentive.publisher.review;

import dev.attentive.testkit.github.PostedComment;
import dev.attentive.testkit.github.PostedIssueComment;
import dev.attentive.testkit.github.PostedReview;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' marker secret, and a way to compare posted bodies with the texts the tests have always
 * expected: {@link #unsigned} checks every MAC in a body and then takes the MACs out.
 */
public final class SignedMarkers {

  /** The secret the tests sign with (also the publisher app's in the Quarkus tests). */
  public static final String SECRET = "test-marker-secret-0123456789";

  /** Markers signed with {@link #SECRET}; unsigned ones (posted before signing) accepted. */
  public static final Markers MARKERS =
      new Markers(SECRET.getBytes(StandardCharsets.UTF_8), true, reason -> {});

  private static final Markers STRICT =
      new Markers(SECRET.getBytes(StandardCharsets.UTF_8), false, reason -> {});

  private static final Pattern SIGNED =
      Pattern.compile("<!-- attentive:([a-z-]+)=(\\S+) mac=[0-9a-f]{32} -->");

  private SignedMarkers() {}

  /** The review as posted, with {@link #unsigned} bodies. */
  public static PostedReview unsigned(PostedReview review) {
    return new PostedReview(
        review.id(),
        review.user(),
        review.commitId(),
        review.state(),
        unsigned(review.body()),
        review.submittedAt(),
        review.comments().stream()
            .map(
                c ->
                    new PostedComment(
                        c.id(),
                        c.reviewId(),
                        c.path(),
                        c.line(),
                        c.startLine(),
                        c.side(),
                        unsigned(c.body())))
            .toList());
  }

  /** The comment as posted, with an {@link #unsigned} body. */
  public static PostedIssueComment unsigned(PostedIssueComment comment) {
    return new PostedIssueComment(
        comment.id(),
        comment.ownerRepo(),
        comment.number(),
        comment.author(),
        unsigned(comment.body()),
        comment.createdAt());
  }

  /**
   * The body with every marker's MAC taken out, after checking that each one is right.
   *
   * @throws AssertionError for a marker whose MAC is wrong
   */
  public static String unsigned(String body) {
    Matcher m = SIGNED.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String marker = m.group();
      List<String> read =
          switch (m.group(1)) {
            case "fp" -> STRICT.fingerprints(marker);
            case "delivery" -> STRICT.deliveries(marker);
            case "config-problems" -> STRICT.configProblemsIn(marker);
            default -> List.of();
          };
      if (!read.equals(List.of(m.group(2)))) {
        throw new AssertionError("marker with a wrong MAC: " + marker);
      }
      m.appendReplacement(
          out,
          Matcher.quoteReplacement("<!-- attentive:" + m.group(1) + "=" + m.group(2) + " -->"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
