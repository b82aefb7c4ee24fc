package dev.attentive.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.data.BugInjector;
import dev.attentive.models.kinds.Planted;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BugInjectorTest {

  private static final String SOURCE =
      """
      package demo;

      import java.util.List;

      class Totals {
        int sum(List<Integer> values, int limit) {
          int total = 0;
          for (int i = 0; i < values.size(); i++) {
            if (!values.isEmpty() && total <= limit) {
              total = Math.max(total, limit) + values.get(i);
            }
          }
          boolean done = false;
          return total + 1;
        }
      }
      """;

  private final LexedFile file = new JavaLexer().lex(SOURCE).orElseThrow();

  @Test
  void lexesTokensWithPositionsAndMarksImports() {
    CodeToken first = file.tokens().get(0);
    assertThat(first.text()).isEqualTo("package");
    assertThat(first.inImport()).isTrue();
    assertThat(file.tokens()).noneMatch(t -> t.text().isBlank());
    CodeToken less =
        file.tokens().stream()
            .filter(t -> t.text().equals("<") && t.line() == 8)
            .findFirst()
            .orElseThrow();
    assertThat(less.column()).isEqualTo(23);
    assertThat(less.kind()).isEqualTo(CodeToken.Kind.OPERATOR);
  }

  @Test
  void findsTheSitesOfEveryBugKindButNotGenericsAngleBrackets() {
    assertThat(kinds(8))
        .contains(
            MutationSite.Kind.BINARY_OPERATOR,
            MutationSite.Kind.INT_LITERAL,
            MutationSite.Kind.METHOD_NAME);
    assertThat(kinds(9))
        .contains(
            MutationSite.Kind.DROP_NOT,
            MutationSite.Kind.BINARY_OPERATOR,
            MutationSite.Kind.VARIABLE);
    assertThat(kinds(10)).contains(MutationSite.Kind.SWAP_ARGUMENTS);
    assertThat(kinds(13)).contains(MutationSite.Kind.BOOLEAN_LITERAL);
    assertThat(file.sitesByLine().getOrDefault(6, List.of()))
        .noneMatch(s -> s.kind() == MutationSite.Kind.BINARY_OPERATOR);
  }

  @Test
  void plantsAnOperatorBugWhoseRepairIsTheOriginalOperator() {
    MutationSite site = site(8, MutationSite.Kind.BINARY_OPERATOR);
    var injector = new BugInjector(RepairClasses.withMethods(List.of("size", "get")), Map.of());
    Planted planted = injector.plant(file.tokens(), site, site.token(), -1, new Random(1));
    assertThat(planted.tokens().get(site.token()).text()).isEqualTo("<=");
    assertThat(planted.repairClass()).isEqualTo("<");
    assertThat(planted.bugToken()).isEqualTo(site.token());
  }

  @Test
  void plantsSwappedArgumentsWithAPointerToTheOtherArgument() {
    MutationSite site = site(10, MutationSite.Kind.SWAP_ARGUMENTS);
    var injector = new BugInjector(RepairClasses.withMethods(List.of()), Map.of());
    Planted planted =
        injector.plant(file.tokens(), site, site.token(), site.other(), new Random(1));
    assertThat(planted.tokens().get(site.token()).text()).isEqualTo("limit");
    assertThat(planted.tokens().get(site.other()).text()).isEqualTo("total");
    assertThat(planted.pointerTokens()).containsExactly(site.other());
  }

  @Test
  void plantsAWrongVariableOnlyWhenTheRightOneIsElsewhereInTheWindow() {
    MutationSite site =
        file.sitesByLine().get(9).stream()
            .filter(
                s ->
                    s.kind() == MutationSite.Kind.VARIABLE
                        && file.tokens().get(s.token()).text().equals("total"))
            .findFirst()
            .orElseThrow();
    var injector = new BugInjector(RepairClasses.withMethods(List.of()), Map.of());
    Planted planted = injector.plant(file.tokens(), site, site.token(), -1, new Random(3));
    assertThat(planted.tokens().get(site.token()).text()).isNotEqualTo("total");
    assertThat(planted.pointerTokens())
        .isNotEmpty()
        .allMatch(i -> file.tokens().get(i).text().equals("total"));
  }

  @Test
  void aDroppedNegationIsRepairedByInsertingIt() {
    MutationSite site = site(9, MutationSite.Kind.DROP_NOT);
    var injector = new BugInjector(RepairClasses.withMethods(List.of()), Map.of());
    Planted planted = injector.plant(file.tokens(), site, site.token(), -1, new Random(1));
    assertThat(planted.tokens()).hasSize(file.tokens().size() - 1);
    assertThat(planted.tokens().get(planted.bugToken()).text()).isEqualTo("values");
    assertThat(planted.repairClass()).isEqualTo(RepairClasses.INSERT_NOT);
  }

  private List<MutationSite.Kind> kinds(int line) {
    return file.sitesByLine().get(line).stream().map(MutationSite::kind).toList();
  }

  private MutationSite site(int line, MutationSite.Kind kind) {
    return file.sitesByLine().get(line).stream()
        .filter(s -> s.kind() == kind)
        .findFirst()
        .orElseThrow();
  }
}
