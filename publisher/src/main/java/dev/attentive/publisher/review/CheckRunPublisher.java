package dev.attentive.publisher.review;

import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.publisher.github.GitHubChecks;
import dev.attentive.publisher.github.GitHubChecks.Annotation;
import dev.attentive.publisher.github.GitHubChecks.CheckOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One check run per head SHA summarising its review: conclusion {@code neutral} when there are
 * suggestions, {@code success} when there are none, every suggestion as an annotation, sent in
 * batches of at most 50 (the first with the creation, the rest as updates). A check run of the same
 * name already on the commit (a replay) is updated, not duplicated.
 */
public final class CheckRunPublisher {

  private final GitHubChecks checks;
  private final GitHubCalls calls;
  private final String name;

  public CheckRunPublisher(GitHubChecks checks, GitHubCalls calls, String name) {
    this.checks = checks;
    this.calls = calls;
    this.name = name;
  }

  /**
   * @return the number of requests that carried annotations
   */
  public int publish(Review review) throws GitHubFailedException, InterruptedException {
    List<Annotation> annotations =
        review.suggestions().stream().map(CheckRunPublisher::annotation).toList();
    String conclusion = annotations.isEmpty() ? "success" : "neutral";
    String title =
        annotations.isEmpty()
            ? "No suggestions"
            : annotations.size() + (annotations.size() == 1 ? " suggestion" : " suggestions");
    String summary = summary(review);
    List<List<Annotation>> batches = batches(annotations);
    GitHubCalls.Budget budget = calls.budget();
    String repo = review.repository();
    Long installation = review.installationId();
    Optional<Long> existing =
        calls.read(
            "find check run on " + review.headSha(),
            budget,
            previous -> checks.find(repo, installation, review.headSha(), name));
    long id;
    int first = 0;
    if (existing.isPresent()) {
      id = existing.get();
    } else {
      CheckOutput output = new CheckOutput(conclusion, title, summary, batches.get(0));
      id =
          calls.write(
              "create check run on " + review.headSha(),
              installation,
              budget,
              previous -> checks.create(repo, installation, review.headSha(), name, output));
      first = 1;
    }
    for (int i = first; i < batches.size(); i++) {
      CheckOutput output = new CheckOutput(conclusion, title, summary, batches.get(i));
      long runId = id;
      calls.write(
          "update check run " + id,
          installation,
          budget,
          previous -> {
            checks.update(repo, installation, runId, conclusion, output);
            return null;
          });
    }
    return batches.size();
  }

  static List<List<Annotation>> batches(List<Annotation> annotations) {
    List<List<Annotation>> batches = new ArrayList<>();
    for (int i = 0; i < annotations.size(); i += GitHubChecks.MAX_ANNOTATIONS_PER_REQUEST) {
      batches.add(
          annotations.subList(
              i, Math.min(annotations.size(), i + GitHubChecks.MAX_ANNOTATIONS_PER_REQUEST)));
    }
    if (batches.isEmpty()) {
      batches.add(List.of());
    }
    return batches;
  }

  private static Annotation annotation(Suggestion s) {
    String level =
        switch (s.severity()) {
          case ERROR -> "failure";
          case WARNING -> "warning";
          case INFO -> "notice";
        };
    return new Annotation(
        s.path(),
        s.startLine(),
        s.endLine(),
        level,
        s.kind().name().toLowerCase(Locale.ROOT) + ": " + s.ruleId(),
        s.message());
  }

  private static String summary(Review review) {
    Map<Suggestion.Kind, Long> counts =
        review.suggestions().stream()
            .collect(
                Collectors.groupingBy(
                    Suggestion::kind,
                    () -> new java.util.EnumMap<>(Suggestion.Kind.class),
                    Collectors.counting()));
    StringBuilder out =
        new StringBuilder("Attentive reviewed ")
            .append(review.filesReviewed())
            .append(review.filesReviewed() == 1 ? " file" : " files")
            .append(" at ")
            .append(review.headSha(), 0, Math.min(7, review.headSha().length()))
            .append(".\n\n");
    for (Suggestion.Kind kind : Suggestion.Kind.values()) {
      out.append("- ")
          .append(kind.name())
          .append(": ")
          .append(counts.getOrDefault(kind, 0L))
          .append('\n');
    }
    if (!review.notes().isEmpty()) {
      out.append("\nNot reviewed:\n");
      review.notes().stream().limit(50).forEach(n -> out.append("- ").append(n).append('\n'));
    }
    return out.length() > 60_000 ? out.substring(0, 60_000) : out.toString();
  }
}
