package dev.attentive.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.rules.ConstantNaming;
import dev.attentive.conventions.rules.WildcardImports;
import dev.attentive.events.RepositoryProfile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The declaration rules through the standard builder and checker, as ingest and reviewer run them.
 */
class DeclarationProfileTest {

  private static RepositoryProfile learn() throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    for (int i = 0; i < 25; i++) {
      files.put(
          "src/main/java/p/Limits" + i + ".java",
          ("package p;\n\nimport java.util.List;\nimport java.util.Map;\n\nclass Limits"
                  + i
                  + " {\n  static final int MAX_SIZE = 10;\n  static final String DEFAULT_NAME = \"x\";\n"
                  + "  private final List<String> names = null;\n  private final Map<String, String> byId = null;\n}\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    List<TreeEntry> tree = new ArrayList<>();
    files.forEach((p, b) -> tree.add(new TreeEntry(p, b.length, null)));
    return ProfileBuilder.standard()
        .build("octo/repo", "main", "abc", tree, e -> files.get(e.path()), Instant.EPOCH, () -> 0);
  }

  @Test
  void aCamelCaseConstantInAnUpperSnakeRepositoryGetsItsOriginalLineBack() throws Exception {
    RepositoryProfile profile = learn();
    assertThat(profile.convention(ConstantNaming.ID).orElseThrow().enforced()).isTrue();
    String original = "  static final int RETRY_LIMIT = 3;";
    String planted = "  static final int retryLimit = 3;";
    String file = "package p;\n\nclass Retry {\n" + planted + "\n  int tries;\n}\n";
    List<Deviation> found =
        ConventionChecker.standard()
            .check(
                profile,
                "src/main/java/p/Retry.java",
                file,
                new Changes(new TreeSet<>(Set.of(4)), List.of(original)));
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.ruleId()).isEqualTo(ConstantNaming.ID);
              assertThat(d.replacement()).isEqualTo(original);
              assertThat(d.message())
                  .contains(
                      "this repository names constants in UPPER_SNAKE: 50 of 50 constants in 25"
                          + " sampled files");
            });
  }

  @Test
  void aWildcardThatReplacedImportsGetsThemBack() throws Exception {
    RepositoryProfile profile = learn();
    assertThat(profile.convention(WildcardImports.ID).orElseThrow().enforced()).isTrue();
    String file =
        "package p;\n\nimport java.util.*;\n\nclass A {\n  List<String> a;\n  Map<String, String> b;\n}\n";
    List<Deviation> found =
        ConventionChecker.standard()
            .check(
                profile,
                "A.java",
                file,
                new Changes(
                    new TreeSet<>(Set.of(3)),
                    List.of("import java.util.List;", "import java.util.Map;")));
    assertThat(found)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.replacement())
                    .isEqualTo("import java.util.List;\nimport java.util.Map;"));
  }
}
