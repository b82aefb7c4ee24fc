package dev.attentive.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.ingest.webhook.DeliveryClassifier.Decision;
import dev.attentive.testkit.Fixtures;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which review activity is stored (octokit's real payloads): resolved and unresolved threads,
 * replies to review comments, deleted review comments, closed pull requests; nothing else of those
 * events.
 */
class DeliveryClassifierActivityTest {

  final DeliveryClassifier classifier =
      new DeliveryClassifier(Set.of("opened", "synchronize"), false, "/attentive", false);

  static ObjectNode octokit(String name) throws IOException {
    return (ObjectNode)
        EventJson.mapper().readTree(Fixtures.webhook("octokit/api.github.com/" + name));
  }

  @Test
  void threadsResolvedOrUnresolvedAreStoredForTheirPullRequest() throws IOException {
    for (String action : new String[] {"resolved", "unresolved"}) {
      Decision decision =
          classifier.classify(
              "pull_request_review_thread",
              octokit("pull_request_review_thread/" + action + ".payload.json"));
      assertThat(decision).isEqualTo(new Decision.Store("Codertocat/Hello-World", 2, action, 1L));
    }
    ObjectNode other = octokit("pull_request_review_thread/resolved.payload.json");
    other.put("action", "locked");
    assertThat(classifier.classify("pull_request_review_thread", other))
        .isInstanceOf(Decision.Ignore.class);
  }

  @Test
  void aReviewCommentIsStoredWhenItIsAReplyOrDeleted() throws IOException {
    ObjectNode created = octokit("pull_request_review_comment/created.payload.json");
    assertThat(classifier.classify("pull_request_review_comment", created))
        .isEqualTo(
            new Decision.Ignore(
                "pull_request_review_comment 'created' is neither a reply nor a deletion: not"
                    + " handled"));

    created.with("comment").put("in_reply_to_id", 7L);
    assertThat(classifier.classify("pull_request_review_comment", created))
        .isEqualTo(new Decision.Store("Codertocat/Hello-World", 2, "created", 1L));
    assertThat(
            classifier.classify(
                "pull_request_review_comment",
                octokit("pull_request_review_comment/deleted.payload.json")))
        .isEqualTo(new Decision.Store("Codertocat/Hello-World", 2, "deleted", 1L));
    assertThat(
            classifier.classify(
                "pull_request_review_comment",
                octokit("pull_request_review_comment/edited.payload.json")))
        .isInstanceOf(Decision.Ignore.class);

    ObjectNode noPullRequest = octokit("pull_request_review_comment/deleted.payload.json");
    noPullRequest.remove("pull_request");
    assertThat(classifier.classify("pull_request_review_comment", noPullRequest))
        .isEqualTo(
            new Decision.Ignore(
                "pull_request_review_comment payload lacks repository or pull request number"));
  }

  @Test
  void aClosedPullRequestIsStoredEvenThoughClosedIsNotAReviewedAction() throws IOException {
    assertThat(classifier.classify("pull_request", octokit("pull_request/closed.payload.json")))
        .isEqualTo(new Decision.Store("Codertocat/Hello-World", 2, "closed", 1L));
    assertThat(classifier.classify("pull_request", octokit("pull_request/labeled.payload.json")))
        .isInstanceOf(Decision.Ignore.class);
  }
}
