package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.code.Window;
import dev.attentive.models.code.WindowCutter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BugKindsTest {

  @Test
  void everyMutationSiteHasExactlyOneKind() {
    assertThat(BugKinds.ALL).hasSize(MutationSite.Kind.values().length);
    for (MutationSite.Kind site : MutationSite.Kind.values()) {
      assertThat(BugKinds.at(site).site()).isEqualTo(site);
    }
  }

  @Test
  void atMostOneKindDecodesAnyRepairAtAnyToken() {
    LexedFile file =
        new JavaLexer()
            .lex(
                """
        class Mixed {
          int mixed(int total, int limit, boolean done, java.util.List<String> values) {
            if (!done && total <= limit + 1) {
              return Math.max(total, limit) + values.size();
            }
            return total;
          }
        }
        """)
            .orElseThrow();
    Window window =
        new WindowCutter(
                new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.CLS, Vocabulary.UNKNOWN)), 1024)
            .encode(file.tokens(), Set.of(3, 4), false);
    int repairs = RoundTrip.CLASSES.size() + window.length();
    int decoded = 0;
    for (int token = 0; token < window.tokens().size(); token++) {
      for (int repair = 0; repair < repairs; repair++) {
        final int t = token;
        final int r = repair;
        long kinds =
            BugKinds.ALL.stream()
                .filter(k -> k.decode(window, t, r, RoundTrip.CLASSES).isPresent())
                .count();
        assertThat(kinds)
            .as("token %s, repair %d", window.tokens().get(t).text(), r)
            .isLessThanOrEqualTo(1);
        decoded += (int) kinds;
      }
    }
    // Operators, literals, names, swaps, method names and negations all decode somewhere in this
    // file.
    assertThat(decoded).isGreaterThan(window.tokens().size());
    assertThat(
            Arrays.stream(MutationSite.Kind.values())
                .map(BugKinds::at)
                .map(BugKind::rule)
                .distinct())
        .containsExactlyInAnyOrder("operator", "literal", "variable", "swap", "negation", "method");
  }
}
