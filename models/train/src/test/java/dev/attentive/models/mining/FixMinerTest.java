package dev.attentive.models.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.models.corpus.ReservedLibraries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The miner on a real git repository made here, commit by commit. */
class FixMinerTest {

  @TempDir Path dir;

  private static final String A =
      """
      package p;

      /** Absolute values. */
      public class A {
        public int f(int x) {
          if (x > 0) {
            return x;
          }
          return -x;
        }

        public String g(String s) {
          String t = s.trim();
          return t;
        }
      }
      """;

  @Test
  void onlySingleStatementFixesOfOneSourceFileAreKept() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write("src/main/java/p/A.java", A);
      write(
          "src/main/java/p/B.java",
          "package p;\n\nclass B {\n  int b() {\n    return 1;\n  }\n}\n");
      commit(git, "Initial import");

      String fixed = A.replace("if (x > 0) {", "if (x >= 0) {");
      write("src/main/java/p/A.java", fixed);
      write("src/test/java/p/ATest.java", "package p;\n\nclass ATest {}\n");
      String fix = commit(git, "Fix f for zero (#12)");

      write("src/main/java/p/A.java", fixed.replace("/** Absolute values. */", "/** |x|. */"));
      commit(git, "Fix typo in the javadoc");

      String withStatement =
          fixed.replace("String t = s.trim();", "String t = s.trim();\n    t = t.strip();");
      write("src/main/java/p/A.java", withStatement);
      commit(git, "Fix bug in g: a statement added, not one changed");

      write("src/main/java/p/A.java", withStatement.replace("return -x;", "return x * -1;"));
      commit(git, "Make f clearer");

      write("src/main/java/p/A.java", withStatement.replace("return -x;", "return -(x);"));
      write(
          "src/main/java/p/B.java",
          "package p;\n\nclass B {\n  int b() {\n    return 2;\n  }\n}\n");
      commit(git, "Fix two files at once");

      List<RealFix> found = new ArrayList<>();
      FixMiner.Counts counts = FixMiner.mine(git.getRepository(), "octo/abs", found::add);

      assertThat(counts.commits()).isEqualTo(6);
      assertThat(counts.fixMessages()).as("typo and non-fix messages left out").isEqualTo(3);
      assertThat(found).hasSize(1);
      RealFix f = found.get(0);
      assertThat(f.commit()).isEqualTo(fix);
      assertThat(f.source()).isEqualTo("octo/abs");
      assertThat(f.path()).isEqualTo("src/main/java/p/A.java");
      assertThat(f.message()).isEqualTo("Fix f for zero (#12)");
      assertThat(f.line()).isEqualTo(6);
      assertThat(f.statementLine()).isEqualTo(6);
      assertThat(f.removed()).containsExactly("    if (x > 0) {");
      assertThat(f.added()).containsExactly("    if (x >= 0) {");
      assertThat(f.before()).isEqualTo(A);
      assertThat(f.after()).isEqualTo(fixed);
    }
  }

  @Test
  void aChangeOfAMessageOnlyOrOfLayoutOnlyIsNotAFix() {
    String before = A;
    assertThat(
            RealFixes.fromVersions(
                "o/r", "c", "p", "A.java", "fix", before, before.replace("s.trim()", "s.trim( )")))
        .as("layout")
        .isEmpty();
    String thrower =
        A.replace("String t = s.trim();", "String t = java.util.Objects.requireNonNull(s, \"s\");");
    assertThat(
            RealFixes.fromVersions(
                "o/r", "c", "p", "A.java", "fix", thrower, thrower.replace("\"s\"", "\"the s\"")))
        .as("string literal only")
        .isEmpty();
    assertThat(
            RealFixes.fromVersions(
                "o/r", "c", "p", "A.java", "fix", before, before.replace("s.trim()", "s.strip()")))
        .as("a call changed")
        .isPresent();
  }

  @Test
  void aReservedRepositoryIsRefusedBeforeAnythingIsRead() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      assertThatThrownBy(() -> FixMiner.mine(git.getRepository(), "google/gson", f -> {}))
          .isInstanceOf(ReservedLibraries.ReservedLibraryException.class)
          .hasMessageContaining("google/gson");
    }
  }

  @Test
  void fixMessagesFollowTheKeywordsAndLeaveOutToolAndDocFixes() {
    assertThat(FixMessages.speaksOfAFix("Fixes #42: NPE when the map is empty")).isTrue();
    assertThat(FixMessages.speaksOfAFix("[IO-123] Incorrect length for empty files")).isTrue();
    assertThat(FixMessages.speaksOfAFix("bugfix: off by one in the parser")).isTrue();
    assertThat(FixMessages.speaksOfAFix("Add a builder")).isFalse();
    assertThat(FixMessages.speaksOfAFix("prefix handling")).as("whole words").isFalse();
    assertThat(FixMessages.speaksOfAFix("Fix PMD UnnecessaryFullyQualifiedName")).isFalse();
    assertThat(FixMessages.speaksOfAFix("Fix typo")).isFalse();
  }

  @Test
  void testsAreRecognisedByPathAndName() {
    assertThat(FixMiner.isTest("src/test/java/p/A.java")).isTrue();
    assertThat(FixMiner.isTest("core/src/main/java/p/ATest.java")).isTrue();
    assertThat(FixMiner.isTest("src/main/java/p/Testimony.java")).isTrue(); // conservative
    assertThat(FixMiner.isTest("src/main/java/p/Contest.java")).isFalse();
  }

  private void write(String path, String text) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    return git.commit()
        .setMessage(message)
        .setAuthor("Dev", "dev@example.com")
        .setCommitter("Dev", "dev@example.com")
        .setSign(false)
        .call()
        .name();
  }
}
