package dev.attentive.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.LineRange;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.publisher.review.SignedMarkers;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.PostedComment;
import dev.attentive.testkit.github.PostedReview;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Learning from the team in the publisher as deployed (real broker, the GitHub emulator): the
 * learner mutes a rule the team keeps rejecting, the next review leaves it out and says so, the
 * publisher writes the MUTE_ANNOUNCED feedback, and the numbers are on {@code /q/metrics}. A
 * repository of its own, so the other tests' rules are not muted.
 */
@QuarkusTest
@WithTestResource(PublisherTestResource.class)
class LearningServiceTest {

  static final String REPO = "acme/learning";
  static final String NOISY = "style/Noisy";
  static final String HEAD = "3333333333333333333333333333333333333333";
  static final String FILE = "src/main/java/com/acme/Gadget.java";
  static final Duration WAIT = Duration.ofSeconds(60);

  EmbeddedKafka kafka = PublisherTestResource.kafka();
  GitHubEmulator github = PublisherTestResource.github();

  @TestHTTPResource("/")
  URI root;

  @Test
  void aRuleTheTeamKeepsRejectingIsMutedAnnouncedOnceAndCounted() throws Exception {
    for (int i = 0; i < 4; i++) {
      Feedback down =
          new Feedback(
              Feedback.SCHEMA_VERSION,
              Feedback.outcomeId(REPO, 1, "fp-noisy-" + i, Feedback.Type.THUMBS_DOWN, "bob"),
              REPO,
              1,
              Feedback.Type.THUMBS_DOWN,
              "fp-noisy-" + i,
              NOISY,
              "style",
              null,
              0.8,
              Suggestion.Kind.STYLE,
              FILE,
              3,
              500 + i,
              null,
              "bob",
              null,
              Instant.parse("2026-11-02T09:00:00Z").plusSeconds(3600L * i));
      kafka.send(Topics.FEEDBACK, REPO, EventSerdes.feedback().serialize(Topics.FEEDBACK, down));
    }
    List<RepositoryLearning> learned =
        kafka.await(
            Topics.REPO_LEARNING,
            EventSerdes.repositoryLearning(),
            l -> REPO.equals(l.repository()) && l.silenced(NOISY),
            1,
            WAIT);
    assertThat(learned).isNotEmpty();
    // the publish processor reads the learning through a global table, which follows the topic
    // closely but on a thread of its own
    Thread.sleep(2_000);

    int pr = 2;
    github
        .pullRequest(REPO, pr)
        .head(HEAD)
        .clearFiles()
        .file(FILE, "added", "@@ -0,0 +1,3 @@\n+class Gadget {\n+  int a;\n+}")
        .register();
    Review review =
        new Review(
            Review.SCHEMA_VERSION,
            "d-learning-1",
            REPO,
            pr,
            "0".repeat(40),
            HEAD,
            77L,
            "pull_request.synchronize",
            1,
            List.of(style(NOISY, 1, "fp-l-noisy"), style("style/Useful", 2, "fp-l-useful")),
            Map.of(FILE, List.of(new LineRange(1, 3))),
            List.of(),
            Instant.parse("2026-11-03T09:00:00Z"));
    kafka.send(
        Topics.REVIEWS,
        review.key().value(),
        EventSerdes.review().serialize(Topics.REVIEWS, review));

    Awaitility.await().atMost(WAIT).until(() -> !github.reviewsPosted(REPO, pr).isEmpty());
    PostedReview posted = SignedMarkers.unsigned(github.reviewsPosted(REPO, pr).get(0));
    assertThat(posted.comments())
        .extracting(PostedComment::body)
        .singleElement()
        .asString()
        .contains("style/Useful");
    assertThat(posted.body())
        .contains("#### Muted in this repository")
        .contains("`/attentive unignore " + NOISY + "`")
        .contains("1 suggestion of rules muted in this repository was not posted");

    List<Feedback> announced =
        kafka.await(
            Topics.FEEDBACK,
            EventSerdes.feedback(),
            f -> REPO.equals(f.repository()) && f.type() == Feedback.Type.MUTE_ANNOUNCED,
            1,
            WAIT);
    assertThat(announced).singleElement().extracting(Feedback::ruleId).isEqualTo(NOISY);

    String metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(root.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains(
            "attentive_publisher_feedback_total{repository=\"acme/learning\",rule=\"style/Noisy\","
                + "type=\"thumbs_down\"} 4.0")
        .contains(
            "attentive_publisher_learning_muted{repository=\"acme/learning\",rule=\"style/Noisy\"}"
                + " 1.0")
        .contains(
            "attentive_publisher_learning_acceptance{repository=\"acme/learning\","
                + "rule=\"style/Noisy\"}");
  }

  static Suggestion style(String rule, int line, String fingerprint) {
    return new Suggestion(
        Suggestion.Kind.STYLE,
        FILE,
        line,
        line,
        Suggestion.Severity.WARNING,
        0.8,
        "Finding " + fingerprint + ".",
        null,
        rule,
        fingerprint);
  }
}
