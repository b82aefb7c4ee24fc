package dev.attentive.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IgnoreRulesTest {

  private final IgnoreRules defaults = IgnoreRules.defaults();

  @Test
  void lockFilesAreIgnoredAtAnyDepth() {
    assertThat(defaults.ignores("package-lock.json")).isTrue();
    assertThat(defaults.ignores("web/app/package-lock.json")).isTrue();
    assertThat(defaults.ignores("yarn.lock")).isTrue();
    assertThat(defaults.ignores("services/api/go.sum")).isTrue();
  }

  @Test
  void vendoredAndGeneratedDirectoriesAreIgnoredAtAnyDepth() {
    assertThat(defaults.ignores("vendor/github.com/x/y.go")).isTrue();
    assertThat(defaults.ignores("ui/node_modules/left-pad/index.js")).isTrue();
    assertThat(defaults.ignores("build/generated-sources/annotations/Foo.java")).isTrue();
    assertThat(defaults.ignores("proto/api.pb.go")).isTrue();
    assertThat(defaults.ignores("static/app.min.js")).isTrue();
  }

  @Test
  void ordinarySourceIsReviewed() {
    assertThat(defaults.ignores("src/main/java/com/example/Vendor.java")).isFalse();
    assertThat(defaults.ignores("src/main/java/com/example/generated/Readme.md")).isTrue();
    assertThat(defaults.ignores("README.md")).isFalse();
    assertThat(defaults.ignores("src/lock.js")).isFalse();
    assertThat(defaults.ignores("app.js")).isFalse();
  }

  @Test
  void leadingSlashAnchorsAtTheRepositoryRoot() {
    IgnoreRules rules = new IgnoreRules(List.of("/docs/**"));
    assertThat(rules.ignores("docs/a.md")).isTrue();
    assertThat(rules.ignores("src/docs/a.md")).isFalse();
  }

  @Test
  void aCatastrophicPatternDoesNotHangMatching() {
    // Over the limits a repository may configure, but the deployment's own list is not checked
    // against them: matching itself must stay linear. The JDK's glob matcher took minutes here.
    IgnoreRules rules = new IgnoreRules(List.of("**a**a**a**a**a**!"));
    String path = "a".repeat(60) + "/" + "a".repeat(64);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          long start = System.nanoTime();
          assertThat(rules.ignores(path)).isFalse();
          assertThat(rules.ignores(path + "!")).isTrue();
          System.out.printf(
              "IgnoreRules on a %d-character path: %d µs%n",
              path.length(), (System.nanoTime() - start) / 1000);
        });
  }
}
