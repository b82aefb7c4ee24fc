package dev.attentive.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import dev.attentive.events.DeadLetter;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.FileStatus;
import dev.attentive.events.PatchParser;
import dev.attentive.events.ProfileSample;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Review;
import dev.attentive.events.StyleTools;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.junit.jupiter.api.Test;

/** The reviewer service on a real broker, exactly once, with the real style analyzer. */
@QuarkusTest
@WithTestResource(ReviewerTestResource.class)
class ReviewerServiceTest {

  @Inject KafkaStreams streams;

  /**
   * A profile of acme/widgets as ingest publishes it: no trailing whitespace (dominant), and the
   * Checkstyle rule set its build declares (google_checks.xml).
   */
  static RepositoryProfile profile() {
    return new RepositoryProfile(
        RepositoryProfile.SCHEMA_VERSION,
        "acme/widgets",
        "main",
        "c0ffee",
        Instant.now(),
        new ProfileSample(40, 40, 0, 40_000, 1_200, 42),
        List.of(
            new Convention(
                "style/whitespace/trailing",
                "none",
                1_000,
                0,
                40,
                true,
                "this repository ends lines without trailing whitespace: 1,000 of 1,000 non-blank"
                    + " lines in 40 sampled files")),
        new StyleTools("google_checks.xml", null, null, "pom.xml: maven-checkstyle-plugin"),
        List.of());
  }

  /** Publishes the profile and waits until the reviewer's global table holds it. */
  void publishProfile() {
    send(
        Topics.REPO_PROFILES,
        "acme/widgets",
        EventSerdes.repositoryProfile().serialize(Topics.REPO_PROFILES, profile()));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .ignoreExceptions()
        .until(
            () ->
                streams
                        .store(
                            StoreQueryParameters.fromNameAndType(
                                "repo-profiles",
                                QueryableStoreTypes.<String, byte[]>keyValueStore()))
                        .get("acme/widgets")
                    != null);
  }

  static final String KEY = "acme/widgets#3";
  static final String SOURCE =
      """
      package com.acme;

      import java.util.*;

      public class Widget {
        public int twice(int x) {
          return x * 2;\s\s
        }
      }
      """;

  @Test
  void aChunkAndItsManifestOnTheBrokerBecomeAReviewWithStyleSuggestions() {
    publishProfile();
    String delivery = UUID.randomUUID().toString();
    String patch =
        "@@ -0,0 +1,9 @@\n" + SOURCE.lines().map(l -> "+" + l).reduce((a, b) -> a + "\n" + b).get();
    send(
        Topics.DIFF_CHUNKS,
        EventSerdes.diffChunk()
            .serialize(
                Topics.DIFF_CHUNKS,
                new PullRequestDiffChunk(
                    1,
                    delivery,
                    "acme/widgets",
                    3,
                    "b1",
                    "h1",
                    5L,
                    "src/main/java/com/acme/Widget.java",
                    null,
                    FileStatus.ADDED,
                    "java",
                    0,
                    9,
                    0,
                    PatchParser.parse(patch),
                    SOURCE)));
    send(
        Topics.DIFF_MANIFESTS,
        EventSerdes.diffManifest()
            .serialize(
                Topics.DIFF_MANIFESTS,
                new DiffManifest(
                    1,
                    delivery,
                    "acme/widgets",
                    3,
                    "b1",
                    "h1",
                    5L,
                    "pull_request.opened",
                    1,
                    1,
                    false,
                    List.of(),
                    Instant.now())));

    List<Review> reviews =
        ReviewerTestResource.kafka()
            .await(
                Topics.REVIEWS,
                EventSerdes.review(),
                r -> r.deliveryId().equals(delivery),
                1,
                Duration.ofSeconds(90));
    assertThat(reviews).hasSize(1);
    Review review = reviews.get(0);
    assertThat(review.filesReviewed()).isEqualTo(1);
    assertThat(review.suggestions())
        .extracting(Suggestion::ruleId, Suggestion::startLine)
        .contains(
            // the rule set the repository declares, and its own learned convention
            org.assertj.core.groups.Tuple.tuple("style/AvoidStarImport", 3),
            org.assertj.core.groups.Tuple.tuple("style/whitespace/trailing", 7));
    assertThat(review.suggestions())
        .filteredOn(s -> s.ruleId().equals("style/whitespace/trailing"))
        .singleElement()
        .satisfies(s -> assertThat(s.replacement()).isEqualTo("    return x * 2;"));
    assertThat(review.suggestions())
        .allMatch(s -> s.kind() == Suggestion.Kind.STYLE || s.kind() == Suggestion.Kind.TEST);
    // the tests analyzer runs by default, compile-only: its tests for twice(int) pin nothing, so
    // none is posted inline and the summary says why
    assertThat(review.suggestions()).noneMatch(s -> s.kind() == Suggestion.Kind.TEST);
    assertThat(review.notes())
        .anySatisfy(n -> assertThat(n).startsWith("No tests proposed in ").contains("twice(int)"));
  }

  @Test
  void aPoisonRecordIsDeadLetteredAndTheStreamKeepsRunning() {
    byte[] poison = "\u0000not json".getBytes(StandardCharsets.UTF_8);
    send(Topics.DIFF_CHUNKS, poison);
    List<DeadLetter> letters =
        ReviewerTestResource.kafka()
            .await(
                Topics.DEAD_LETTERS,
                EventSerdes.deadLetter(),
                l -> Arrays.equals(l.value(), poison),
                1,
                Duration.ofSeconds(90));
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).error()).startsWith("unreadable_chunk:");

    String delivery = UUID.randomUUID().toString();
    send(
        Topics.DIFF_MANIFESTS,
        EventSerdes.diffManifest()
            .serialize(
                Topics.DIFF_MANIFESTS,
                new DiffManifest(
                    1,
                    delivery,
                    "acme/widgets",
                    3,
                    "b1",
                    "h2",
                    5L,
                    "pull_request.synchronize",
                    0,
                    0,
                    false,
                    List.of(),
                    Instant.now())));
    assertThat(
            ReviewerTestResource.kafka()
                .await(
                    Topics.REVIEWS,
                    EventSerdes.review(),
                    r -> r.deliveryId().equals(delivery),
                    1,
                    Duration.ofSeconds(90)))
        .hasSize(1);
  }

  private static void send(String topic, byte[] value) {
    send(topic, KEY, value);
  }

  private static void send(String topic, String key, byte[] value) {
    ReviewerTestResource.kafka().send(topic, key, value);
  }
}
