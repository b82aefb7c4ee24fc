package dev.attentive.publisher;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.LineRange;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RecordedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Check runs, on: one per head SHA, annotations in batches of at most 50, a replay updates instead
 * of duplicating.
 */
@QuarkusTest
@TestProfile(CheckRunsTest.ChecksOn.class)
@WithTestResource(PublisherTestResource.class)
class CheckRunsTest {

  public static class ChecksOn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("attentive.publisher.checks.enabled", "true");
    }
  }

  static final String REPO = PublisherTest.REPO;
  static final String RUNS = "/repos/" + REPO + "/check-runs";

  @Test
  void aReviewWith120SuggestionsGetsOneCheckRunWithAnnotationsInBatchesOf50() throws Exception {
    String head = "c".repeat(40);
    GitHubEmulator github = PublisherTestResource.github();
    github
        .pullRequest(REPO, 61)
        .head(head)
        .clearFiles()
        .file(PublisherTest.WIDGET, "added", PublisherTest.addedPatch(130))
        .register();
    stubChecks(github, head, null);
    List<Suggestion> suggestions =
        IntStream.rangeClosed(1, 120)
            .mapToObj(i -> PublisherTest.anchored(i, "fp-checks-" + i))
            .toList();

    send(
        PublisherTest.review(
            "d-checks-1",
            61,
            head,
            suggestions,
            Map.of(PublisherTest.WIDGET, List.of(new LineRange(1, 130))),
            List.of()));

    List<RecordedRequest> patches = await(github, "PATCH", RUNS + "/4242", 2);
    List<RecordedRequest> creates = github.requests("POST", RUNS);
    assertThat(creates).hasSize(1);
    JsonNode created = EventJson.mapper().readTree(creates.get(0).body());
    assertThat(created.path("name").asText()).isEqualTo("Attentive");
    assertThat(created.path("head_sha").asText()).isEqualTo(head);
    assertThat(created.path("status").asText()).isEqualTo("completed");
    assertThat(created.path("conclusion").asText()).isEqualTo("neutral");
    assertThat(created.path("output").path("title").asText()).isEqualTo("120 suggestions");
    assertThat(created.path("output").path("summary").asText()).contains("- STYLE: 120");
    List<Integer> batchSizes = new ArrayList<>();
    batchSizes.add(created.path("output").path("annotations").size());
    for (RecordedRequest p : patches) {
      batchSizes.add(
          EventJson.mapper().readTree(p.body()).path("output").path("annotations").size());
    }
    assertThat(batchSizes).containsExactly(50, 50, 20);
    JsonNode first = created.path("output").path("annotations").get(0);
    assertThat(first.path("path").asText()).isEqualTo(PublisherTest.WIDGET);
    assertThat(first.path("start_line").asInt()).isEqualTo(1);
    assertThat(first.path("annotation_level").asText()).isEqualTo("warning");
  }

  @Test
  void aCheckRunAlreadyOnTheCommitIsUpdatedNotDuplicatedAndNoSuggestionsMeansSuccess()
      throws Exception {
    String head = "d".repeat(40);
    GitHubEmulator github = PublisherTestResource.github();
    github
        .pullRequest(REPO, 62)
        .head(head)
        .clearFiles()
        .file(PublisherTest.WIDGET, "added", PublisherTest.addedPatch(3))
        .register();
    stubChecks(github, head, 9999L);
    int createsBefore = github.requests("POST", RUNS).size();

    send(PublisherTest.review("d-checks-2", 62, head, List.of(), Map.of(), List.of()));

    List<RecordedRequest> updates = await(github, "PATCH", RUNS + "/9999", 1);
    JsonNode update = EventJson.mapper().readTree(updates.get(0).body());
    assertThat(update.path("conclusion").asText()).isEqualTo("success");
    assertThat(update.path("output").path("title").asText()).isEqualTo("No suggestions");
    assertThat(github.requests("POST", RUNS)).hasSize(createsBefore);
    assertThat(github.requests("POST", PublisherTest.reviewsPath(62)))
        .as("nothing to say: no review")
        .isEmpty();
  }

  /** GitHub's Checks API for one commit: no (or one existing) run, creation answers id 4242. */
  private static void stubChecks(GitHubEmulator github, String head, Long existing) {
    String run =
        """
        {"id": %d, "name": "Attentive", "head_sha": "%s", "status": "completed", "conclusion": "neutral",
         "url": "%s/repos/%s/check-runs/%d", "html_url": "https://github.com/%s/runs/%d", "external_id": "",
         "started_at": "2026-11-23T10:00:00Z", "completed_at": "2026-11-23T10:00:01Z",
         "output": {"title": "t", "summary": "s", "text": null, "annotations_count": 0,
                    "annotations_url": "%s/repos/%s/check-runs/%d/annotations"},
         "app": {"id": 1, "slug": "attentive", "name": "Attentive"}, "pull_requests": []}""";
    long id = existing == null ? 4242 : existing;
    String body =
        String.format(
            run, id, head, github.baseUrl(), REPO, id, REPO, id, github.baseUrl(), REPO, id);
    github
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/repos/" + REPO + "/commits/" + head + "/check-runs"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(
                            existing == null
                                ? "{\"total_count\": 0, \"check_runs\": []}"
                                : "{\"total_count\": 1, \"check_runs\": [" + body + "]}")));
    github
        .wireMock()
        .stubFor(
            post(urlPathEqualTo(RUNS))
                .willReturn(
                    aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(body)));
    github
        .wireMock()
        .stubFor(
            patch(urlPathMatching(RUNS + "/\\d+"))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(body)));
  }

  private static List<RecordedRequest> await(
      GitHubEmulator github, String method, String path, int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    List<RecordedRequest> found = github.requests(method, path);
    while (found.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      found = github.requests(method, path);
    }
    assertThat(found).as(method + " " + path).hasSize(count);
    return found;
  }

  private static void send(Review review) {
    PublisherTestResource.kafka()
        .send(
            Topics.REVIEWS,
            review.key().value(),
            EventSerdes.review().serialize(Topics.REVIEWS, review));
  }
}
