package dev.attentive.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.FileStatus;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The reviewer service on a real broker, exactly once, with the real style analyzer. */
@QuarkusTest
@WithTestResource(ReviewerTestResource.class)
class ReviewerServiceTest {

  static final String KEY = "acme/widgets#3";
  static final String SOURCE =
      """
      package com.acme;

      import java.util.*;

      public class Widget {
        public int twice(int x) {
          return x * 2;
        }
      }
      """;

  @Test
  void aChunkAndItsManifestOnTheBrokerBecomeAReviewWithStyleSuggestions() {
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
        .contains(org.assertj.core.groups.Tuple.tuple("style/AvoidStarImport", 3));
    assertThat(review.suggestions())
        .allMatch(s -> s.kind() == Suggestion.Kind.STYLE || s.kind() == Suggestion.Kind.TEST);
    // the tests analyzer runs by default, compile-only: tests for twice(int), compiled, not
    // executed
    assertThat(review.suggestions())
        .filteredOn(s -> s.kind() == Suggestion.Kind.TEST)
        .extracting(Suggestion::ruleId, Suggestion::startLine)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tests/compiled", 6));
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
    ReviewerTestResource.kafka().send(topic, KEY, value);
  }
}
