package dev.attentive.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/**
 * Collaborator permissions and PR conversation comments, through the kohsuke client as the services
 * use them.
 */
class GitHubEmulatorConversationTest {

  private static GitHubEmulator emulator;
  private static GitHub client;

  @BeforeAll
  static void start() throws Exception {
    emulator = GitHubEmulator.start();
    emulator.authenticatedUser("attentive-bot");
    emulator
        .pullRequest("octo/chat", 5)
        .head("a".repeat(40))
        .base("b".repeat(40))
        .file("A.java", "added", "@@ -0,0 +1 @@\n+class A {}")
        .register();
    client = new GitHubBuilder().withEndpoint(emulator.baseUrl()).withOAuthToken("t").build();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @Test
  void permissionsAreAnsweredAsGitHubDoes() throws Exception {
    emulator.permission("octo/chat", "Mia", "maintain");
    emulator.permission("octo/chat", "ada", "admin");
    emulator.permission("octo/chat", "tom", "triage");
    GHRepository repo = client.getRepository("octo/chat");

    assertThat(repo.getPermission("mia")).isEqualTo(GHPermissionType.WRITE);
    assertThat(repo.getPermission("ada")).isEqualTo(GHPermissionType.ADMIN);
    assertThat(repo.getPermission("tom")).isEqualTo(GHPermissionType.READ);
    assertThat(repo.getPermission("someone-else"))
        .as("public repository")
        .isEqualTo(GHPermissionType.READ);
    assertThat(emulator.requests("GET", "/repos/octo/chat/collaborators/mia/permission"))
        .hasSize(1);
  }

  @Test
  void commentsOnTheConversationAreRecordedAndListed() throws Exception {
    GHPullRequest pr = client.getRepository("octo/chat").getPullRequest(5);

    GHIssueComment posted = pr.comment("Hello from the bot");
    pr.comment("Second");

    assertThat(posted.getBody()).isEqualTo("Hello from the bot");
    assertThat(posted.getId()).isPositive();
    assertThat(emulator.issueComments("octo/chat", 5))
        .extracting(PostedIssueComment::body, PostedIssueComment::author)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Hello from the bot", "attentive-bot"),
            org.assertj.core.groups.Tuple.tuple("Second", "attentive-bot"));
    assertThat(pr.listComments().toList())
        .extracting(GHIssueComment::getBody)
        .containsExactly("Hello from the bot", "Second");
  }
}
