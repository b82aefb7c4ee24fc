package dev.attentive.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobTest {

  /** The pattern: the JDK's backtracking matcher needs minutes on a 125-character path. */
  static final String CATASTROPHIC = "**a**a**a**a**a**!";

  @Test
  void matchesAsTheJdkGlobDoes() {
    List<String> globs =
        List.of(
            "*.java",
            "**/*.java",
            "src/**",
            "{,**/}yarn.lock",
            "{,**/}vendor/**",
            "{,**/}*.generated.*",
            "docs/?.md",
            "a/[bc]/d",
            "a/[!bc]/d",
            "a/[a-c]x",
            "a/[-]x",
            "a/[!-]x",
            "x\\*y",
            "a,b",
            "a}b",
            "file(1).txt",
            "c++/$x^.md",
            "**a**a**!",
            "ünï/*.txt");
    List<String> paths =
        List.of(
            "A.java",
            "src/A.java",
            "src/main/A.java",
            "yarn.lock",
            "web/yarn.lock",
            "vendor/x/y.go",
            "ui/vendor/x",
            "x.generated.ts",
            "a/b.generated.c",
            "docs/a.md",
            "docs/ab.md",
            "a/b/d",
            "a/x/d",
            "a/bx",
            "a/dx",
            "a/-x",
            "a/.x",
            "x*y",
            "xzy",
            "a,b",
            "a}b",
            "file(1).txt",
            "c++/$x^.md",
            "aa/a!",
            "a/a/a!",
            "ünï/ä.txt");
    for (String glob : globs) {
      var jdk = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      Glob ours = Glob.compile(glob);
      for (String path : paths) {
        assertThat(ours.matches(path))
            .as("%s on %s", glob, path)
            .isEqualTo(jdk.matches(Path.of(path)));
      }
    }
  }

  @Test
  void aCatastrophicGlobMatchesInLinearTime() {
    Glob glob = Glob.compile(CATASTROPHIC);
    String miss = "a".repeat(125);
    String hit = "a".repeat(124) + "!";
    // A hang guard, not a timing assertion: the JDK's matcher would run for minutes here.
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          long start = System.nanoTime();
          assertThat(glob.matches(miss)).isFalse();
          assertThat(glob.matches(hit)).isTrue();
          assertThat(glob.matches("a".repeat(10_000))).isFalse();
          System.out.printf(
              "Glob %s on 125, 125 and 10000 characters: %d µs%n",
              CATASTROPHIC, (System.nanoTime() - start) / 1000);
        });
  }

  @Test
  void malformedGlobsAreRefusedWithTheReason() {
    assertThatThrownBy(() -> Glob.compile("{a,{b}}")).hasMessageContaining("nest");
    assertThatThrownBy(() -> Glob.compile("{a,b")).hasMessageContaining("missing `}`");
    assertThatThrownBy(() -> Glob.compile("[ab")).hasMessageContaining("missing `]`");
    assertThatThrownBy(() -> Glob.compile("[a/b]")).hasMessageContaining("`/`");
    assertThatThrownBy(() -> Glob.compile("[.-0]")).hasMessageContaining("spans `/`");
    assertThatThrownBy(() -> Glob.compile("[z-a]")).hasMessageContaining("invalid range");
    assertThatThrownBy(() -> Glob.compile("a\\")).hasMessageContaining("escape");
  }

  @Test
  void repositoryGlobsHaveSizeAndComplexityLimits() {
    assertThat(Glob.problem("src/**/generated/**/*.java")).isEmpty();
    assertThat(Glob.problem("**/a*/**/b*/*.c")).isEmpty();
    assertThat(Glob.problem(CATASTROPHIC)).contains("more than 5 `*` or `**` wildcards");
    assertThat(Glob.problem("a".repeat(Glob.MAX_LENGTH))).isEmpty();
    assertThat(Glob.problem("a".repeat(Glob.MAX_LENGTH + 1)))
        .contains("longer than 200 characters");
    assertThat(Glob.problem("\\*\\*\\*\\*\\*\\*")).isEmpty();
    assertThat(Glob.problem("{a,b")).contains("missing `}`");
  }
}
