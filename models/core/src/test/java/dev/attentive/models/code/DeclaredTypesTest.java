package dev.attentive.models.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeclaredTypesTest {

  private static final String SOURCE =
      """
      package com.acme;

      import java.util.List;
      import java.util.Map;

      class Orders {
        private final Map<String, List<Order>> byCustomer = null;
        private int count;

        long total(int[] prices, String name) {
          long sum = 0;
          for (Order order : byCustomer.get(name)) {
            sum += order.cents();
          }
          Object o = new StringBuilder(name);
          String s = (String) o;
          boolean big = count > prices.length;
          var copy = prices;
          for (int i = 0; i < prices.length; i++) {
            sum += prices[i];
          }
          return big ? sum : count;
        }

        void other() {
          double sum = 1.5;
        }
      }
      """;

  private final LexedFile file = new JavaLexer().lex(SOURCE).orElseThrow();
  private final DeclaredTypes types = DeclaredTypes.of(file);

  @Test
  void fieldsParametersLocalsAndLoopVariablesHaveTheirDeclaredTypes() {
    assertThat(types.typeOf("byCustomer", 12)).isEqualTo("Map");
    assertThat(types.typeOf("count", 17)).isEqualTo("int");
    assertThat(types.typeOf("prices", 17)).isEqualTo("int[]");
    assertThat(types.typeOf("name", 12)).isEqualTo("String");
    assertThat(types.typeOf("order", 13)).isEqualTo("Order");
    assertThat(types.typeOf("o", 16)).isEqualTo("Object");
    assertThat(types.typeOf("s", 16)).isEqualTo("String");
    assertThat(types.typeOf("copy", 18)).isEqualTo("var");
    assertThat(types.typeOf("i", 20)).isEqualTo("int");
  }

  @Test
  void aNameDeclaredTwiceTakesTheNearestDeclarationAbove() {
    assertThat(types.typeOf("sum", 20)).isEqualTo("long");
    assertThat(types.typeOf("sum", 27)).isEqualTo("double");
  }

  @Test
  void usesCallsCastsAndComparisonsDeclareNothing() {
    // "big ? sum : count" and "count > prices.length" must not make sum, count or length types.
    assertThat(types.typeOf("length", 17)).isNull();
    assertThat(types.typeOf("cents", 13)).isNull();
    assertThat(types.typeOf("StringBuilder", 15)).isNull();
    assertThat(types.typeOf("total", 10)).isNull();
    assertThat(types.typeOf("List", 7)).isNull();
  }

  @Test
  void windowsCarryTheTypeIdOfEachIdentifierOnEveryOneOfItsSubTokens() {
    Vocabulary vocabulary =
        new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.CLS, Vocabulary.UNKNOWN));
    WindowCutter cutter = new WindowCutter(vocabulary, 128);
    List<CodeToken> tokens =
        cutter.select(file, file.tokensByLine(), 17, 0).stream().map(file.tokens()::get).toList();
    Window window = cutter.encode(tokens, Set.of(17), false, types);
    Window untyped = cutter.encode(tokens, Set.of(17), false);

    assertThat(window.ids()).containsExactly(untyped.ids());
    assertThat(untyped.types()).containsOnly(0);
    assertThat(window.types()[0]).isZero();
    int typed = 0;
    for (int p = 1; p < window.length(); p++) {
      CodeToken token = window.tokens().get(window.tokenAt()[p]);
      Integer expected =
          switch (token.text()) {
            case "prices" -> DeclaredTypes.bucket("int[]");
            case "count" -> DeclaredTypes.bucket("int");
            case "big" -> DeclaredTypes.bucket("boolean");
            case "sum" -> DeclaredTypes.bucket(token.line() < 26 ? "long" : "double");
            case "name" -> DeclaredTypes.bucket("String");
            default -> token.kind() == CodeToken.Kind.IDENTIFIER ? null : 0;
          };
      if (expected != null) {
        assertThat(window.types()[p]).as(token.text()).isEqualTo(expected);
        typed += expected > 0 ? 1 : 0;
      }
    }
    assertThat(typed).isGreaterThanOrEqualTo(3);
    assertThat(DeclaredTypes.bucket("int[]")).isBetween(1, DeclaredTypes.BUCKETS - 1);
  }
}
