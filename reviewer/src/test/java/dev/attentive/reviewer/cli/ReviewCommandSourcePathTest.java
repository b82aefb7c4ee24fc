package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attentive review --repo DIR [--classpath CP]}: the checkout's source roots are the tests
 * analyzer's source path, and the given classpath its dependencies.
 */
class ReviewCommandSourcePathTest {

  static final String CART_PATCH =
      """
      diff --git a/shop/src/main/java/com/acme/shop/Cart.java b/shop/src/main/java/com/acme/shop/Cart.java
      index 1111111..2222222 100644
      --- a/shop/src/main/java/com/acme/shop/Cart.java
      +++ b/shop/src/main/java/com/acme/shop/Cart.java
      @@ -5,5 +5,5 @@ import com.acme.shop.pricing.PriceList;
       public final class Cart {
         public static int total(int items) {
      -    return PriceList.unitPrice() * items;
      +    return PriceList.unitPrice() * items + Item.FEE;
         }
       }
      """;

  static final String CART =
      """
      package com.acme.shop;

      import com.acme.shop.pricing.PriceList;

      public final class Cart {
        public static int total(int items) {
          return PriceList.unitPrice() * items;
        }
      }
      """;

  static final String TILL_PATCH =
      """
      diff --git a/shop/src/main/java/com/acme/shop/Till.java b/shop/src/main/java/com/acme/shop/Till.java
      new file mode 100644
      index 0000000..3333333
      --- /dev/null
      +++ b/shop/src/main/java/com/acme/shop/Till.java
      @@ -0,0 +1,9 @@
      +package com.acme.shop;
      +
      +import org.example.money.Money;
      +
      +public final class Till {
      +  public static Money open(int cents) {
      +    return Money.of(cents);
      +  }
      +}
      """;

  @TempDir Path dir;

  private String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        ReviewCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private Path checkout() throws Exception {
    Path repo = dir.resolve("repo");
    Path root = repo.resolve("shop/src/main/java/com/acme/shop");
    Files.createDirectories(root.resolve("pricing"));
    Files.writeString(root.resolve("Cart.java"), CART);
    Files.writeString(
        root.resolve("Item.java"),
        "package com.acme.shop;\n\nfinal class Item {\n  static final int FEE = 2;\n}\n");
    Files.writeString(
        root.resolve("pricing/PriceList.java"),
        "package com.acme.shop.pricing;\n\npublic final class PriceList {\n"
            + "  public static int unitPrice() {\n    return 5;\n  }\n}\n");
    return repo;
  }

  @Test
  void theCheckoutIsTheSourcePath() throws Exception {
    Path repo = checkout();
    Path patch = Files.writeString(dir.resolve("cart.patch"), CART_PATCH);

    String json =
        run(
            "--patch",
            patch.toString(),
            "--repo",
            repo.toString(),
            "--analyzers",
            "tests",
            "--format",
            "json");

    // it compiled (only running could make its tests worth posting): the summary says so
    assertThat(json)
        .contains("No tests proposed in Cart.java for `Cart.total(int)`: execution is off")
        .doesNotContain("does not compile")
        .doesNotContain("tests/unverified");
  }

  @Test
  void theClasspathGivesTheDependencies() throws Exception {
    Path repo = checkout();
    Path patch = Files.writeString(dir.resolve("till.patch"), TILL_PATCH);
    Path money = dir.resolve("deps-src/org/example/money/Money.java");
    Files.createDirectories(money.getParent());
    Files.writeString(
        money,
        "package org.example.money;\n\npublic record Money(int cents) {\n"
            + "  public static Money of(int cents) {\n    return new Money(cents);\n  }\n}\n");
    Path deps = Files.createDirectories(dir.resolve("deps"));
    assertThat(
            ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", deps.toString(), money.toString()))
        .isZero();

    String without =
        run(
            "--patch",
            patch.toString(),
            "--repo",
            repo.toString(),
            "--analyzers",
            "tests",
            "--format",
            "json");
    String with =
        run(
            "--patch",
            patch.toString(),
            "--repo",
            repo.toString(),
            "--classpath",
            deps.toString(),
            "--analyzers",
            "tests",
            "--format",
            "json");

    assertThat(without).contains("Till.java needs org.example.money, not on the source path");
    assertThat(with)
        .contains("No tests proposed in Till.java for `Till.open(int)`: execution is off")
        .doesNotContain("needs org.example.money")
        .doesNotContain("tests/unverified");
  }
}
