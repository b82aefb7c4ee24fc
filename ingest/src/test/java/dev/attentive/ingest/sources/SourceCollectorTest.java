package dev.attentive.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.ingest.github.GitHubGateway.GitTree;
import dev.attentive.ingest.github.GitHubGateway.GitTreeEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which repository files a Java source names, resolved against a tree without knowing its roots.
 */
class SourceCollectorTest {

  static final String MAIN = "app/src/main/java/";

  static SourceCollector.Tree tree(String... paths) {
    return SourceCollector.Tree.of(
        new GitTree(
            "t",
            java.util.Arrays.stream(paths)
                .map(p -> new GitTreeEntry(p, "blob", 10, "sha-" + p))
                .toList(),
            false));
  }

  @Test
  void importsOfEveryKindAndNamedNeighboursAreFound() {
    SourceCollector.Tree tree =
        tree(
            MAIN + "com/acme/shop/Cart.java",
            MAIN + "com/acme/shop/Item.java",
            MAIN + "com/acme/shop/Unused.java",
            MAIN + "com/acme/shop/pricing/PriceList.java",
            MAIN + "com/acme/shop/pricing/Currency.java",
            MAIN + "com/acme/shop/pricing/Rounding.java",
            MAIN + "com/acme/tax/Rates.java",
            MAIN + "com/acme/util/Maps.java",
            "legacy/src/main/java/com/acme/tax/Rates.java",
            "README.md");
    String cart =
        """
        package com.acme.shop;

        import com.acme.shop.pricing.*;
        import com.acme.tax.Rates;
        import static com.acme.util.Maps.copy;
        import com.acme.shop.pricing.PriceList.Entry;
        import java.util.List;

        final class Cart {
          // Item and PriceList are used; two classes of this directory and the pricing package are not
          int total(List<Item> items, Currency c) {
            return Rates.apply(PriceList.of(items), c).size();
          }
        }
        """;

    List<String> named = SourceCollector.named(tree, MAIN + "com/acme/shop/Cart.java", cart);

    assertThat(named)
        .containsExactlyInAnyOrder(
            MAIN + "com/acme/shop/pricing/PriceList.java",
            MAIN + "com/acme/shop/pricing/Currency.java",
            MAIN + "com/acme/tax/Rates.java", // the one nearest the file, not legacy's
            MAIN + "com/acme/util/Maps.java",
            MAIN + "com/acme/shop/Item.java");
  }

  @Test
  void anUnparseableSourceNamesNothing() {
    assertThat(
            SourceCollector.named(
                tree(MAIN + "a/B.java"), MAIN + "a/A.java", "package a; class A { B b = ; }"))
        .isEmpty();
  }

  @Test
  void theNearestPomAboveTheChangedFileIsItsModules() {
    SourceCollector.Tree tree =
        tree("pom.xml", "app/pom.xml", MAIN + "com/acme/shop/Cart.java", "tools/Tool.java");
    assertThat(SourceCollector.nearestPom(tree, MAIN + "com/acme/shop/Cart.java"))
        .isEqualTo("app/pom.xml");
    assertThat(SourceCollector.nearestPom(tree, "tools/Tool.java")).isEqualTo("pom.xml");
    assertThat(SourceCollector.nearestPom(tree("Tool.java"), "Tool.java")).isNull();
  }
}
