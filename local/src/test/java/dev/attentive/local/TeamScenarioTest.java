package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.EventJson;
import dev.attentive.ingest.webhook.DeliveryClassifier;
import dev.attentive.ingest.webhook.WebhookSignature;
import dev.attentive.local.TeamScenario.Decision;
import dev.attentive.local.TeamScenario.PullRequestPlan;
import dev.attentive.local.TeamScenario.SeenComment;
import dev.attentive.local.TeamWebhooks.Delivery;
import dev.attentive.local.TeamWebhooks.ThreadComment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated team's scenario and webhooks, without a stack: what the end-to-end test plays. */
class TeamScenarioTest {

  static final String SECRET = "team-secret";

  static final String REPAIR =
      "**Possible bug** (attention model, 0.93): `<=` → `<`\n\n"
          + "```suggestion\n    for (int i = 0; i < prices.length; i++) {\n```\n"
          + "<!-- attentive:fp=abc -->";
  static final String STAR_IMPORT =
      "Using the '.*' form of import should be avoided - java.util.*. (AvoidStarImport)";

  @Test
  void theSameSeedGivesTheSameWeekAndAnotherSeedAnother() {
    assertThat(TeamScenario.generate(7)).isEqualTo(TeamScenario.generate(7));
    TeamScenario other = TeamScenario.generate(8);
    assertThat(other.pullRequests()).isNotEqualTo(TeamScenario.generate(7).pullRequests());
    assertThat(other.pullRequests().get(3).headSha(8, 1))
        .isNotEqualTo(other.pullRequests().get(3).headSha(7, 1));
  }

  @Test
  void thirtyPullRequestsOverOneWeekEachOpenedPushedTwiceAndMergedInOrder() {
    TeamScenario week = TeamScenario.generate(15);
    assertThat(week.pullRequests()).hasSize(30);
    Instant end = TeamScenario.MONDAY.plus(TeamScenario.WEEK);
    Instant previous = Instant.MIN;
    Set<String> shas = new HashSet<>();
    for (PullRequestPlan pr : week.pullRequests()) {
      assertThat(pr.openedAt()).isAfter(previous).isAfterOrEqualTo(TeamScenario.MONDAY);
      assertThat(pr.firstPushAt()).isAfter(pr.openedAt());
      assertThat(pr.secondPushAt()).isAfter(pr.firstPushAt());
      assertThat(pr.mergedAt()).isAfter(pr.secondPushAt()).isBefore(end);
      assertThat(pr.reviewer()).isNotEqualTo(pr.author());
      assertThat(TeamScenario.PEOPLE).contains(pr.author(), pr.reviewer());
      for (int push = 0; push < 3; push++) {
        assertThat(pr.headSha(15, push)).matches("[0-9a-f]{40}");
        shas.add(pr.headSha(15, push));
      }
      previous = pr.openedAt();
    }
    assertThat(shas).as("every head of every PR its own sha").hasSize(90);
    assertThat(week.pullRequests().stream().filter(PullRequestPlan::humanThread)).hasSize(6);
    assertThat(week.pullRequests().stream().map(PullRequestPlan::author).distinct())
        .hasSizeGreaterThan(2);
  }

  @Test
  void eachPullRequestPlantsTheStarImportAndTheLoopBound() {
    PullRequestPlan pr = TeamScenario.generate(15).pullRequests().get(6);
    List<String> widget = pr.openedFiles().get(pr.widgetPath()).lines().toList();
    assertThat(widget.get(0)).isEqualTo("package com.acme.team.p7;");
    assertThat(widget.get(2)).isEqualTo("import java.util.*;");
    assertThat(widget.get(9)).isEqualTo("  public int count() {");
    List<String> totals = pr.openedFiles().get(pr.totalsPath()).lines().toList();
    assertThat(totals.get(8)).isEqualTo("    for (int i = 0; i <= prices.length; i++) {");
    // PipelineEndToEndTest's TOTALS, which the shipped model flags, but for its package line
    assertThat(totals.subList(1, totals.size()))
        .isEqualTo(PipelineEndToEndTest.TOTALS.lines().skip(1).toList());
    assertThat(pr.addedSource().lines().skip(1).toList())
        .isEqualTo(totals.subList(1, totals.size()));
    assertThat(pr.addedPath()).isEqualTo("src/main/java/com/acme/team/p7/more/Totals.java");
  }

  @Test
  void theTeamRejectsTheStarImportAppliesMostRepairsAndLeavesTheRest() {
    TeamScenario week = TeamScenario.generate(15);
    Map<Decision, Integer> counts = new EnumMap<>(Decision.class);
    int replies = 0;
    for (int pr = 1; pr <= 30; pr++) {
      SeenComment repair = new SeenComment(pr, TeamScenario.pathOf(pr, "Totals"), 9, null, REPAIR);
      counts.merge(week.decide(pr, repair), 1, Integer::sum);
      SeenComment style =
          new SeenComment(pr, TeamScenario.pathOf(pr, "Widget"), 3, null, STAR_IMPORT);
      assertThat(week.decide(pr, style)).isEqualTo(Decision.REJECT);
      SeenComment other =
          new SeenComment(
              pr, TeamScenario.pathOf(pr, "Widget"), 6, null, "Missing a Javadoc comment.");
      assertThat(week.decide(pr, other)).isEqualTo(Decision.LEAVE);
      assertThat(week.decide(pr, repair))
          .as("decided the same way every time")
          .isEqualTo(week.decide(pr, repair));
      replies += week.replies(pr, repair) ? 1 : 0;
    }
    assertThat(counts.get(Decision.APPLY))
        .as("most REPAIR suggestions applied: %s", counts)
        .isGreaterThan(18);
    assertThat(counts.getOrDefault(Decision.FIX_LATER, 0) + counts.getOrDefault(Decision.LEAVE, 0))
        .as("some fixed another way or left: %s", counts)
        .isPositive();
    assertThat(counts).doesNotContainKey(Decision.REJECT);
    assertThat(replies).as("a few replies").isBetween(1, 12);
  }

  @Test
  void applyingASuggestionPutsItsBlockInPlaceAndFixingOtherwiseDoesSomethingElse() {
    String totals = TeamScenario.totals("com.acme.team.p1");
    SeenComment repair = new SeenComment(1, "Totals.java", 9, null, REPAIR);
    assertThat(repair.isRepair()).isTrue();
    assertThat(repair.suggestion()).isEqualTo("    for (int i = 0; i < prices.length; i++) {");

    String applied = TeamScenario.apply(totals, repair);
    assertThat(applied.lines().toList().get(8))
        .isEqualTo("    for (int i = 0; i < prices.length; i++) {");
    assertThat(applied.lines().count()).isEqualTo(totals.lines().count());
    assertThat(LineDiff.changes(totals, applied).added()).containsExactly(9);

    String fixed = TeamScenario.fixOtherwise(totals, repair);
    assertThat(fixed.lines().toList().get(8))
        .isEqualTo("    for (int i = 0; i < prices.length; i += 1) {");
    assertThat(fixed).isNotEqualTo(applied);
    assertThat(LineDiff.changes(totals, fixed).added()).containsExactly(9);

    assertThatThrownBy(
            () -> TeamScenario.apply(totals, new SeenComment(2, "T.java", 9, null, STAR_IMPORT)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyWebhookIsSignedWithTheStacksSecretAndCarriesTheScenariosFields() {
    TeamScenario week = TeamScenario.generate(15);
    PullRequestPlan pr = week.pullRequests().get(4);
    TeamWebhooks hooks = new TeamWebhooks(15, week.repository(), 77);
    String head0 = pr.headSha(15, 0);
    String head1 = pr.headSha(15, 1);
    ThreadComment bot =
        new ThreadComment(101, "attentive[bot]", "Bot", pr.widgetPath(), 3, STAR_IMPORT);
    ThreadComment reply =
        new ThreadComment(102, pr.author(), "User", pr.widgetPath(), 3, "On purpose.");
    Instant at = pr.openedAt().plusSeconds(600);
    List<Delivery> deliveries =
        List.of(
            hooks.opened(pr, head0),
            hooks.synchronize(pr, head0, head1, pr.firstPushAt()),
            hooks.threadResolved(pr, head0, "PRRT_x", List.of(bot, reply), pr.reviewer(), at),
            hooks.reply(pr, head0, bot, reply, at),
            hooks.merged(pr, head1));

    WebhookSignature signature = new WebhookSignature(SECRET);
    Set<String> ids = new HashSet<>();
    for (Delivery d : deliveries) {
      assertThat(signature.verify(d.payload(), d.signature(SECRET))).as(d.event()).isTrue();
      assertThat(new WebhookSignature("another").verify(d.payload(), d.signature(SECRET)))
          .isFalse();
      assertThat(ids.add(d.id())).as("delivery ids differ").isTrue();
      JsonNode json = d.json();
      assertThat(json.path("repository").path("full_name").asText()).isEqualTo("acme/team");
      assertThat(json.path("installation").path("id").asLong()).isEqualTo(77);
      assertThat(json.path("pull_request").path("number").asInt()).isEqualTo(pr.number());
      assertThat(new String(d.payload())).doesNotContain("Codertocat/Hello-World");
    }

    DeliveryClassifier classifier =
        new DeliveryClassifier(
            Set.of("opened", "synchronize", "reopened"), false, "/attentive", true);
    JsonNode opened = deliveries.get(0).json();
    assertThat(classifier.classify("pull_request", opened))
        .isEqualTo(new DeliveryClassifier.Decision.Store("acme/team", pr.number(), "opened", 77L));
    assertThat(opened.path("pull_request").path("head").path("sha").asText()).isEqualTo(head0);
    assertThat(opened.path("pull_request").path("base").path("sha").asText())
        .isEqualTo(pr.baseSha());
    assertThat(opened.path("pull_request").path("updated_at").asText())
        .isEqualTo(pr.openedAt().toString());
    assertThat(opened.path("pull_request").path("user").path("login").asText())
        .isEqualTo(pr.author());

    JsonNode sync = deliveries.get(1).json();
    assertThat(classifier.classify("pull_request", sync))
        .isEqualTo(
            new DeliveryClassifier.Decision.Store("acme/team", pr.number(), "synchronize", 77L));
    assertThat(sync.path("before").asText()).isEqualTo(head0);
    assertThat(sync.path("after").asText()).isEqualTo(head1);
    assertThat(sync.path("pull_request").path("updated_at").asText())
        .isEqualTo(pr.firstPushAt().toString());

    JsonNode thread = deliveries.get(2).json();
    assertThat(thread.path("action").asText()).isEqualTo("resolved");
    assertThat(thread.path("sender").path("login").asText()).isEqualTo(pr.reviewer());
    assertThat(thread.path("thread").path("node_id").asText()).isEqualTo("PRRT_x");
    List<Long> commentIds = new ArrayList<>();
    thread.path("thread").path("comments").forEach(c -> commentIds.add(c.path("id").asLong()));
    assertThat(commentIds).containsExactly(101L, 102L);
    JsonNode first = thread.path("thread").path("comments").get(0);
    assertThat(first.path("user").path("type").asText()).isEqualTo("Bot");
    assertThat(first.path("line").asInt()).isEqualTo(3);
    assertThat(first.path("updated_at").asText()).isEqualTo(at.toString());

    JsonNode answer = deliveries.get(3).json();
    assertThat(answer.path("comment").path("id").asLong()).isEqualTo(102);
    assertThat(answer.path("comment").path("in_reply_to_id").asLong()).isEqualTo(101);
    assertThat(answer.path("comment").path("body").asText()).isEqualTo("On purpose.");
    assertThat(answer.path("comment").path("user").path("login").asText()).isEqualTo(pr.author());

    JsonNode merged = deliveries.get(4).json();
    assertThat(merged.path("action").asText()).isEqualTo("closed");
    assertThat(merged.path("pull_request").path("merged").asBoolean()).isTrue();
    assertThat(merged.path("pull_request").path("state").asText()).isEqualTo("closed");
    assertThat(merged.path("pull_request").path("head").path("sha").asText()).isEqualTo(head1);
    assertThat(merged.path("pull_request").path("updated_at").asText())
        .isEqualTo(pr.mergedAt().toString());
  }

  @Test
  void aReplayedWeekSendsTheSameDeliveries() {
    PullRequestPlan pr = TeamScenario.generate(15).pullRequests().get(0);
    Delivery a = new TeamWebhooks(15, "acme/team", 77).opened(pr, pr.headSha(15, 0));
    Delivery b = new TeamWebhooks(15, "acme/team", 77).opened(pr, pr.headSha(15, 0));
    Delivery c = new TeamWebhooks(16, "acme/team", 77).opened(pr, pr.headSha(15, 0));
    assertThat(b.id()).isEqualTo(a.id());
    assertThat(b.payload()).isEqualTo(a.payload());
    assertThat(c.id()).isNotEqualTo(a.id());
  }

  @Test
  void theCompareAnswerHasTheChangedLinesOnly() throws Exception {
    String before = TeamScenario.totals("p");
    String after =
        TeamScenario.replaceLines(
            before, 9, 9, List.of("    for (int i = 0; i < prices.length; i++) {"));
    JsonNode compare =
        EventJson.mapper()
            .readTree(
                TeamWeek.compare(
                    "acme/team",
                    "a".repeat(40),
                    "b".repeat(40),
                    Map.of("T.java", before, "W.java", "class W {}\n"),
                    Map.of("T.java", after, "W.java", "class W {}\n", "N.java", "class N {}\n")));
    assertThat(compare.path("status").asText()).isEqualTo("ahead");
    assertThat(compare.path("files")).hasSize(2);
    for (JsonNode file : compare.path("files")) {
      if (file.path("filename").asText().equals("T.java")) {
        assertThat(file.path("status").asText()).isEqualTo("modified");
        assertThat(file.path("additions").asInt()).isEqualTo(1);
        assertThat(file.path("deletions").asInt()).isEqualTo(1);
        assertThat(file.path("patch").asText())
            .startsWith("@@ -6,7 +6,7 @@")
            .contains("\n-    for (int i = 0; i <= prices.length; i++) {")
            .contains("\n+    for (int i = 0; i < prices.length; i++) {");
      } else {
        assertThat(file.path("filename").asText()).isEqualTo("N.java");
        assertThat(file.path("status").asText()).isEqualTo("added");
        assertThat(file.path("patch").asText()).matches("@@ -0,0 \\+1(,1)? @@\n\\+class N \\{}");
      }
    }
  }

  @Test
  void threadsAreReadFromGitHubsGraphQlAnswer() throws Exception {
    JsonNode answer =
        EventJson.mapper()
            .readTree(
                """
                {"data":{"repository":{"pullRequest":{"reviewThreads":{"nodes":[
                  {"id":"PRRT_1","isResolved":true,"resolvedBy":{"login":"attentive[bot]"},
                   "comments":{"nodes":[{"databaseId":11,"author":{"login":"attentive"}},
                                        {"databaseId":12,"author":{"login":"bob"}}]}},
                  {"id":"PRRT_2","isResolved":false,"resolvedBy":null,
                   "comments":{"nodes":[{"databaseId":21,"author":{"login":"carol"}}]}}]}}}}}
                """);
    List<TeamGitHub.Thread> threads = TeamGitHub.parseThreads(answer);
    assertThat(threads)
        .containsExactly(
            new TeamGitHub.Thread(
                "PRRT_1", true, "attentive[bot]", List.of(11L, 12L), List.of("attentive", "bob")),
            new TeamGitHub.Thread("PRRT_2", false, null, List.of(21L), List.of("carol")));
    assertThat(threads.get(0).startedBy()).isEqualTo("attentive");
  }
}
