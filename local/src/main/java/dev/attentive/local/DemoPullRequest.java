package dev.attentive.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RepositoryContents;
import dev.attentive.testkit.github.RepositoryFixture;
import java.util.List;

/**
 * The pull request the local stack reviews when no real GitHub is configured: served by the
 * emulator.
 */
final class DemoPullRequest {

  static final String REPO = "attentive-demo/shop";
  static final int NUMBER = 7;
  static final String HEAD = "9f2c1d7e4b8a6c3f0e5d2a1b7c9e8f6a4d3b2c1e";
  static final String BASE = "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b";

  static final String CART_PATCH =
      """
      @@ -12,12 +12,18 @@ public class Cart {
         private final List<Item> items = new ArrayList<>();
      \s
         public long totalCents() {
           long total = 0;
      -    for (Item item : items) {
      -      total += item.priceCents() * item.quantity();
      +    for (int i = 0; i <= items.size(); i++) {
      +      Item item = items.get(i);
      +      total += item.priceCents()*item.quantity();
           }
           return total;
         }
      +
      +  public boolean isEmpty() { return items.size() == 0; }
      +
      +  private static final int maxItems = 100;
      +
         public void add(Item item) {
           items.add(item);
         }""";

  /** Cart.java at the head commit: the patch above applied. */
  static final String CART_SOURCE =
      """
      package com.shop;

      import java.util.ArrayList;
      import java.util.List;

      /**
       * A shopping cart.
       */
      public class Cart {

        /** The items, in the order they were added. */
        private final List<Item> items = new ArrayList<>();

        public long totalCents() {
          long total = 0;
          for (int i = 0; i <= items.size(); i++) {
            Item item = items.get(i);
            total += item.priceCents()*item.quantity();
          }
          return total;
        }

        public boolean isEmpty() { return items.size() == 0; }

        private static final int maxItems = 100;

        public void add(Item item) {
          items.add(item);
        }
      }
      """;

  /**
   * A self-contained class whose rounding the pull request changes: the tests analyzer (execution
   * on in the local stack) proposes verified tests that pin values and reports the behaviour change
   * with its smallest input. (Cart.java needs Item, which is not in the diff: its methods get a
   * note in the summary instead.)
   */
  static final String PRICES_PATCH =
      """
      @@ -10,6 +10,6 @@ public final class Prices {
           if (percent < 0 || percent > 100) {
             throw new IllegalArgumentException("percent must be 0..100: " + percent);
           }
      -    return cents * (100 - percent) / 100;
      +    return cents - cents * percent / 100;
         }
       }""";

  /** Prices.java at the head commit. */
  static final String PRICES_SOURCE =
      """
      package com.shop;

      /** Price arithmetic in cents. */
      public final class Prices {

        private Prices() {}

        /** The price after a discount of {@code percent} per cent. */
        public static long discounted(long cents, int percent) {
          if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be 0..100: " + percent);
          }
          return cents - cents * percent / 100;
        }
      }
      """;

  static final String README_PATCH =
      "@@ -1,3 +1,4 @@\n # Shop\n \n A tiny shop.\n+Carts can now tell whether they are empty.";

  /** The shop's other classes on its default branch: what ingest learns its conventions from. */
  static final List<String> CLASSES =
      List.of("Item", "Order", "Receipt", "Catalog", "Discount", "Shipping", "Coupon", "Invoice");

  private DemoPullRequest() {}

  /**
   * A class of the shop as its team writes it: 2-space indentation, braces at the end of the line,
   * constants in UPPER_SNAKE_CASE.
   */
  static String shopClass(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return """
        package com.shop;

        import java.util.ArrayList;
        import java.util.List;

        /** The shop's %1$ss. */
        public class %1$s {

          private static final int MAX_%2$sS = 500;
          private static final String DEFAULT_%2$s_NAME = "%3$s";
          private static final long RETRY_DELAY_MILLIS = 250L;
          private static final double SHARE_LIMIT = 0.75;

          private final List<String> names = new ArrayList<>();
          private long totalCents;

          public boolean add(String name, long cents) {
            if (name == null || name.isEmpty()) {
              name = DEFAULT_%2$s_NAME;
            }
            if (names.size() >= MAX_%2$sS) {
              return false;
            }
            for (String existing : names) {
              if (existing.equals(name)) {
                return false;
              }
            }
            names.add(name);
            totalCents += cents;
            return true;
          }

          public long averageCents() {
            if (names.isEmpty()) {
              return 0;
            }
            long average = totalCents / names.size();
            return average;
          }

          public boolean overShare(double share) {
            return share > SHARE_LIMIT;
          }

          public long retryDelayMillis(int attempt) {
            long delay = RETRY_DELAY_MILLIS;
            for (int i = 1; i < attempt; i++) {
              delay = delay * 2;
            }
            return delay;
          }
        }
        """
        .formatted(name, name.toUpperCase(java.util.Locale.ROOT), lower);
  }

  /** Serves the shop's default branch (git data) and returns its head commit. */
  static String serveDefaultBranch(GitHubEmulator github) {
    RepositoryFixture repo = github.repository(REPO).defaultBranch("main");
    for (String name : CLASSES) {
      repo.file("src/main/java/com/shop/" + name + ".java", shopClass(name));
    }
    repo.file("README.md", "# Shop\n\nA tiny shop.\n");
    return repo.commit();
  }

  /** A {@code push} to the shop's default branch: ingest learns the repository's profile. */
  static byte[] pushPayload(String after) throws java.io.IOException {
    ObjectNode root = EventJson.mapper().createObjectNode();
    root.put("ref", "refs/heads/main")
        .put("before", BASE)
        .put("after", after)
        .put("created", false)
        .put("deleted", false)
        .put("forced", false);
    root.putObject("repository")
        .put("id", 424242)
        .put("name", "shop")
        .put("full_name", REPO)
        .put("private", false)
        .put("default_branch", "main")
        .put("master_branch", "main");
    root.putObject("installation").put("id", 31337);
    root.putArray("commits");
    return EventJson.mapper().writeValueAsBytes(root);
  }

  static void serveOn(GitHubEmulator github) {
    github
        .pullRequest(REPO, NUMBER)
        .head(HEAD)
        .base(BASE)
        .title("Cart: index loop and isEmpty()")
        .file("src/main/java/com/shop/Cart.java", "modified", CART_PATCH)
        .file("src/main/java/com/shop/Prices.java", "modified", PRICES_PATCH)
        .file("README.md", "modified", README_PATCH)
        .file(
            "package-lock.json",
            "modified",
            "@@ -1,3 +1,3 @@\n {\n-  \"lockfileVersion\": 2\n+  \"lockfileVersion\": 3\n }")
        .binaryFile("docs/cart.png")
        .register();
    RepositoryContents.serve(github, REPO, HEAD, "src/main/java/com/shop/Cart.java", CART_SOURCE);
    RepositoryContents.serve(
        github, REPO, HEAD, "src/main/java/com/shop/Prices.java", PRICES_SOURCE);
  }

  /**
   * A {@code pull_request.synchronize} payload with the fields GitHub sends that ingest reads, and
   * their shapes.
   */
  static byte[] webhookPayload() throws java.io.IOException {
    ObjectNode root = EventJson.mapper().createObjectNode();
    root.put("action", "synchronize");
    root.put("number", NUMBER);
    root.put("before", BASE);
    root.put("after", HEAD);
    ObjectNode owner =
        EventJson.mapper()
            .createObjectNode()
            .put("login", "attentive-demo")
            .put("id", 1001)
            .put("type", "Organization");
    ObjectNode repo =
        EventJson.mapper()
            .createObjectNode()
            .put("id", 424242)
            .put("name", "shop")
            .put("full_name", REPO)
            .put("private", false)
            .put("default_branch", "main");
    repo.set("owner", owner);
    ObjectNode user =
        EventJson.mapper()
            .createObjectNode()
            .put("login", "octo-dev")
            .put("id", 2002)
            .put("type", "User");
    ObjectNode pr = root.putObject("pull_request");
    pr.put("url", "https://api.github.com/repos/" + REPO + "/pulls/" + NUMBER);
    pr.put("number", NUMBER)
        .put("state", "open")
        .put("draft", false)
        .put("title", "Cart: index loop and isEmpty()");
    pr.set("user", user);
    pr.putObject("head").put("ref", "cart-loop").put("sha", HEAD).set("repo", repo.deepCopy());
    pr.putObject("base").put("ref", "main").put("sha", BASE).set("repo", repo.deepCopy());
    root.set("repository", repo);
    root.putObject("installation").put("id", 31337);
    root.set("sender", user.deepCopy());
    return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }
}
