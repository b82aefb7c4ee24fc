package dev.attentive.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeEntry;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/** Branches, git trees and blobs, read through the kohsuke client as ingest reads them. */
class GitHubEmulatorGitDataTest {

  private static GitHubEmulator emulator;

  @BeforeAll
  static void startEmulator() {
    emulator = GitHubEmulator.start();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void resetEmulator() {
    emulator.reset();
  }

  private static GHRepository repository(String ownerRepo) throws IOException {
    return new GitHubBuilder()
        .withEndpoint(emulator.baseUrl())
        .withOAuthToken("t")
        .build()
        .getRepository(ownerRepo);
  }

  @Test
  void aCommitIsServedAsBranchHeadRecursiveTreeAndBlobs() throws IOException {
    byte[] binary = {0, 1, 2, (byte) 0xff};
    String sha =
        emulator
            .repository("octo/git")
            .defaultBranch("trunk")
            .file("pom.xml", "<project/>\n")
            .file("src/main/java/a/A.java", "class A {}\n")
            .file("junk.java", binary)
            .commit();

    GHRepository repo = repository("octo/git");
    assertThat(repo.getDefaultBranch()).isEqualTo("trunk");
    assertThat(repo.getBranch("trunk").getSHA1()).isEqualTo(sha);

    GHTree tree = repo.getTreeRecursive(sha, 1);
    assertThat(tree.isTruncated()).isFalse();
    assertThat(tree.getTree())
        .extracting(GHTreeEntry::getPath, GHTreeEntry::getType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("junk.java", "blob"),
            org.assertj.core.groups.Tuple.tuple("pom.xml", "blob"),
            org.assertj.core.groups.Tuple.tuple("src", "tree"),
            org.assertj.core.groups.Tuple.tuple("src/main", "tree"),
            org.assertj.core.groups.Tuple.tuple("src/main/java", "tree"),
            org.assertj.core.groups.Tuple.tuple("src/main/java/a", "tree"),
            org.assertj.core.groups.Tuple.tuple("src/main/java/a/A.java", "blob"));
    GHTreeEntry a = tree.getEntry("src/main/java/a/A.java");
    assertThat(a.getSize()).isEqualTo(11);
    assertThat(a.getSha())
        .as("git's own blob id")
        .isEqualTo(RepositoryFixture.blobSha("class A {}\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(repo.getBlob(a.getSha()).read().readAllBytes())
        .isEqualTo("class A {}\n".getBytes(StandardCharsets.UTF_8));
    assertThat(repo.getBlob(tree.getEntry("junk.java").getSha()).read().readAllBytes())
        .isEqualTo(binary);
    assertThat(repo.getTree(sha).getTree())
        .extracting(GHTreeEntry::getPath)
        .as("without recursive=1 only the top level")
        .containsExactly("junk.java", "pom.xml", "src");

    assertThat(emulator.requestCount("GET", "/repos/octo/git/git/trees/.*")).isEqualTo(2);
    assertThat(emulator.requestCount("GET", "/repos/octo/git/git/blobs/.*")).isEqualTo(2);
    assertThat(emulator.requestCount("GET", "/repos/octo/git/branches/.*")).isEqualTo(1);
  }

  @Test
  void aLargeTreeIsTruncatedAsGitHubDoes() throws IOException {
    RepositoryFixture fixture = emulator.repository("octo/big").truncateTreesAt(2);
    String sha = fixture.file("A.java", "a").file("B.java", "b").file("C.java", "c").commit();

    GHTree tree = repository("octo/big").getTreeRecursive(sha, 1);

    assertThat(tree.isTruncated()).isTrue();
    assertThat(tree.getTree()).extracting(GHTreeEntry::getPath).containsExactly("A.java", "B.java");
  }

  @Test
  void unknownBranchesCommitsAndBlobsAre404AndFailuresCanBeInjected() throws IOException {
    RepositoryFixture fixture = emulator.repository("octo/gone");
    String sha = fixture.file("A.java", "class A {}").commit();
    GHRepository repo = repository("octo/gone");

    assertThatThrownBy(() -> repo.getBranch("nope")).isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> repo.getTreeRecursive("0".repeat(40), 1))
        .isInstanceOf(FileNotFoundException.class);
    assertThatThrownBy(() -> repo.getBlob("0".repeat(40)))
        .isInstanceOf(FileNotFoundException.class);

    fixture.deleteBranch("main");
    assertThatThrownBy(() -> repo.getBranch("main")).isInstanceOf(FileNotFoundException.class);
    assertThat(repo.getTreeRecursive(sha, 1).getTree()).hasSize(1);

    emulator.failNext("GET", "/repos/octo/gone/git/trees/.*", 502, 1);
    assertThatThrownBy(() -> repo.getTreeRecursive(sha, 1))
        .isInstanceOfSatisfying(
            HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(502));
    assertThat(repo.getTreeRecursive(sha, 1).getTree()).hasSize(1);
  }
}
