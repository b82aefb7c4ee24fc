package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.reviewer.analysis.SourceContext;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer.MethodReport;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class that imports its neighbours compiles with the repository around it ({@link
 * SourceContext}): javac reads the neighbours from the source path, head against head's and base
 * against base's, so its tests are verified and a change in a neighbour's behaviour is seen; a
 * package from outside the repository is named.
 */
class SourcePathTest {

  static final String CART = "src/main/java/com/acme/shop/Cart.java";
  static final String ITEM = "src/main/java/com/acme/shop/Item.java";
  static final String PRICES = "src/main/java/com/acme/shop/pricing/PriceList.java";

  static final String BASE_CART =
      """
      package com.acme.shop;

      import com.acme.shop.pricing.PriceList;

      public final class Cart {
        public static int total(int items) {
          return PriceList.unitPrice() * items;
        }
      }
      """;

  static final String HEAD_CART =
      """
      package com.acme.shop;

      import com.acme.shop.pricing.PriceList;

      public final class Cart {
        public static int total(int items) {
          return PriceList.unitPrice() * items + Item.FEE;
        }
      }
      """;

  static final String ITEM_SOURCE =
      """
      package com.acme.shop;

      final class Item {
        static final int FEE = 2;
      }
      """;

  static String prices(int unit) {
    return """
        package com.acme.shop.pricing;

        /** Unit prices. */
        public final class PriceList {
          public static int unitPrice() {
            return %d;
          }
        }
        """
        .formatted(unit);
  }

  /** Head's neighbours; the price list differs at base. */
  static final SourceContext AROUND =
      new SourceContext(Map.of(ITEM, ITEM_SOURCE, PRICES, prices(5)), Map.of(PRICES, prices(3)));

  @Test
  void withoutTheRepositoryTheClassDoesNotCompile() throws Exception {
    Report r = new TestAnalyzer().report(Chunks.modified(CART, BASE_CART, HEAD_CART), false);
    assertThat(r.methods())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.verification())
                    .startsWith("not verified: Cart.java does not compile"));
  }

  @Test
  void withItsNeighboursOnTheSourcePathItsTestsCompile() throws Exception {
    Report r =
        new TestAnalyzer().report(Chunks.modified(CART, BASE_CART, HEAD_CART), false, AROUND);
    assertThat(r.methods())
        .singleElement()
        .satisfies(m -> assertThat(m.verification()).isEqualTo(TestAnalyzer.NOT_EXECUTED));
    // compiled but not run: nothing inline, the summary says why
    assertThat(r.suggestions()).isEmpty();
    assertThat(r.notes()).singleElement().asString().contains("execution is off");
  }

  @Test
  void executedItsTestsAssertValuesAndTheBaseComparesWithBaseNeighbours() throws Exception {
    TestAnalyzer executing =
        new TestAnalyzer(new TestsConfig(true, Duration.ofSeconds(60), 128, 10, 12));
    Report r = executing.report(Chunks.modified(CART, BASE_CART, HEAD_CART), true, AROUND);
    MethodReport total = r.methods().get(0);
    assertThat(total.verification()).isEqualTo(TestAnalyzer.PASSED);
    assertThat(total.testSource()).contains("assertEquals(");
    // total(1): 3 * 1 at base (base's price list), 5 * 1 + 2 at head
    assertThat(total.changes())
        .anySatisfy(
            c -> {
              assertThat(c.call()).isEqualTo("total(1)");
              assertThat(c.before().describe()).isEqualTo("`3`");
              assertThat(c.after().describe()).isEqualTo("`7`");
            });
  }

  @Test
  void aPackageFromOutsideTheRepositoryIsNamed() throws Exception {
    String head =
        """
        package com.acme.shop;

        import org.example.money.Money;

        public final class Till {
          public static Money open(int cents) {
            return Money.of(cents);
          }
        }
        """;
    Report r =
        new TestAnalyzer()
            .report(
                Chunks.newFile("src/main/java/com/acme/shop/Till.java", head),
                false,
                new SourceContext(Map.of(ITEM, ITEM_SOURCE), Map.of()));
    assertThat(r.methods())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.verification())
                    .isEqualTo(
                        "not verified: Till.java needs org.example.money, not on the source path (a"
                            + " dependency from outside the repository: it is there only when the"
                            + " project's classpath is given)"));
  }

  @Test
  void aCheckoutsSourceRootsAreTheSourcePath(@TempDir Path checkout) throws Exception {
    Path root = checkout.resolve("src/main/java");
    Files.createDirectories(root.resolve("com/acme/shop/pricing"));
    Files.writeString(root.resolve("com/acme/shop/Item.java"), ITEM_SOURCE);
    Files.writeString(root.resolve("com/acme/shop/pricing/PriceList.java"), prices(5));
    Report r =
        new TestAnalyzer()
            .report(
                Chunks.modified(CART, BASE_CART, HEAD_CART),
                false,
                new SourceContext(Map.of(), Map.of(), List.of(root), List.of()));
    assertThat(r.methods())
        .singleElement()
        .satisfies(m -> assertThat(m.verification()).isEqualTo(TestAnalyzer.NOT_EXECUTED));
  }
}
