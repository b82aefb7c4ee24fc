package dev.attentive.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which pushes are stored: only those that move the default branch, and only with profiles on. */
class DeliveryClassifierPushTest {

  static final Set<String> ACTIONS = Set.of("opened", "synchronize");

  static ObjectNode push(String ref, boolean deleted) {
    ObjectNode push =
        EventJson.mapper()
            .createObjectNode()
            .put("ref", ref)
            .put("after", "c".repeat(40))
            .put("deleted", deleted);
    push.putObject("repository").put("full_name", "octo/repo").put("default_branch", "trunk");
    push.putObject("installation").put("id", 42);
    return push;
  }

  @Test
  void aPushToTheDefaultBranchIsStoredWithoutAPullRequest() {
    var decision =
        new DeliveryClassifier(ACTIONS, false, "/attentive", true)
            .classify("push", push("refs/heads/trunk", false));

    assertThat(decision)
        .isEqualTo(new DeliveryClassifier.Decision.Store("octo/repo", null, null, 42L));
  }

  @Test
  void otherBranchesTagsDeletionsAndProfilesOffAreIgnored() {
    var classifier = new DeliveryClassifier(ACTIONS, false, "/attentive", true);
    assertThat(classifier.classify("push", push("refs/heads/feature", false)))
        .isInstanceOf(DeliveryClassifier.Decision.Ignore.class);
    assertThat(classifier.classify("push", push("refs/tags/trunk", false)))
        .isInstanceOf(DeliveryClassifier.Decision.Ignore.class);
    assertThat(classifier.classify("push", push("refs/heads/trunk", true)))
        .isInstanceOf(DeliveryClassifier.Decision.Ignore.class);
    assertThat(
            new DeliveryClassifier(ACTIONS, false, "/attentive", false)
                .classify("push", push("refs/heads/trunk", false)))
        .isEqualTo(
            new DeliveryClassifier.Decision.Ignore(
                "push is not handled (repository profiles are off)"));
  }
}
