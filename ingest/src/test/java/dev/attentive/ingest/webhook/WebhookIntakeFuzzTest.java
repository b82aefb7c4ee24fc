package dev.attentive.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.ingest.IngestConfig;
import dev.attentive.testkit.Fixtures;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Webhook intake fuzzed (issue 16) with every octokit/webhooks payload example as a seed: each seed
 * and its mutations (fields removed, types changed, strings replaced) get a 2xx or 4xx answer with
 * a reason, never an exception; nothing unsigned or badly signed gets past the signature check.
 */
class WebhookIntakeFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final String SECRET = "fuzz-secret";
  private static final WebhookSignature GITHUB = new WebhookSignature(SECRET);
  private static final WebhookSignature FORGER = new WebhookSignature("not-the-secret");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<Seed> SEEDS =
      Fixtures.octokitPayloads().stream().map(Seed::read).toList();
  private static final List<String> EVENTS =
      SEEDS.stream().map(Seed::event).distinct().sorted().toList();

  /** A payload example and its event, which is the folder it lies in. */
  record Seed(String name, String event, byte[] body, JsonNode tree) {
    static Seed read(String name) {
      String[] parts = name.split("/");
      byte[] body = Fixtures.webhook(name);
      try {
        return new Seed(name, parts[parts.length - 2], body, EventJson.mapper().readTree(body));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final List<WebhookDelivery> stored = new ArrayList<>();
  private final WebhookIntake intake =
      new WebhookIntake(config(), stored::add, new SimpleMeterRegistry(), Clock.systemUTC());

  @Test
  void everySeedIsAnsweredAndOnlyWhenSignedByTheSecret() {
    assertThat(SEEDS).hasSizeGreaterThanOrEqualTo(497);
    assertThat(EVENTS).contains("pull_request", "issue_comment", "push", "ping");
    for (int i = 0; i < SEEDS.size(); i++) {
      Seed seed = SEEDS.get(i);
      IntakeResult signed = accept(seed.event(), GITHUB.sign(seed.body()), seed.body());
      assertThat(signed.status()).as(seed.name()).isIn(200, 202);
      unsignedOrForgedAreRefused(seed.event(), seed.body(), i);
    }
    assertThat(stored).extracting(WebhookDelivery::event).contains("pull_request", "push");
  }

  /** Found by the property below: a pull_request without an action was a 500 (NPE), not a 202. */
  @Test
  void aPullRequestWithoutAnActionIsIgnoredWithAReason() throws IOException {
    ObjectNode payload =
        (ObjectNode) EventJson.mapper().readTree(Fixtures.webhook("pull_request_opened.json"));
    payload.remove("action");
    byte[] body = EventJson.mapper().writeValueAsBytes(payload);

    IntakeResult result = accept("pull_request", GITHUB.sign(body), body);

    assertThat(result.status()).isEqualTo(202);
    assertThat(result.body())
        .containsEntry("status", "ignored")
        .containsEntry("reason", "pull_request action 'null' is not reviewed");
  }

  @Property(tries = 300)
  void aMutatedSeedGets2xxOr4xxWithAReason(
      @ForAll("seeds") Seed seed, @ForAll Random random, @ForAll("events") String event) {
    JsonNode tree = seed.tree().deepCopy();
    tree = mutate(tree, random);
    byte[] body = tree.toString().getBytes(StandardCharsets.UTF_8);
    String as = random.nextInt(3) == 0 ? event : seed.event();

    answered(accept(as, GITHUB.sign(body), body));
    unsignedOrForgedAreRefused(as, body, random.nextInt(6));
    // The seed's own signature does not cover a changed body.
    if (!tree.equals(seed.tree())) {
      assertThat(accept(as, GITHUB.sign(seed.body()), body).status()).isEqualTo(401);
    }
  }

  @Property(tries = 200)
  void damagedBodiesAndHeadersGet2xxOr4xxWithAReason(
      @ForAll("seeds") Seed seed,
      @ForAll Random random,
      @ForAll("events") String event,
      @ForAll("deliveryIds") String deliveryId) {
    byte[] body = damage(seed.body(), random);
    String as = random.nextInt(4) == 0 ? event : seed.event();
    IntakeResult result =
        assertTimeoutPreemptively(
            LIMIT, () -> intake.accept(as, deliveryId, GITHUB.sign(body), body));
    answered(result);
    unsignedOrForgedAreRefused(as, body, random.nextInt(6));
  }

  /** Missing, empty, SHA-1, another secret's, a damaged one: each is refused, nothing stored. */
  private void unsignedOrForgedAreRefused(String event, byte[] body, int variant) {
    String signature =
        switch (variant % 6) {
          case 0 -> null;
          case 1 -> " ";
          case 2 -> "sha1=" + "0".repeat(40);
          case 3 -> FORGER.sign(body);
          case 4 -> GITHUB.sign(body) + "0";
          default -> "sha256=";
        };
    int before = stored.size();
    IntakeResult result = accept(event, signature, body);
    assertThat(result.status()).as("signature %s", signature).isEqualTo(401);
    assertThat(result.error()).startsWith("signature_");
    assertThat(stored).hasSize(before);
  }

  private IntakeResult accept(String event, String signature, byte[] body) {
    String delivery = UUID.randomUUID().toString();
    IntakeResult result =
        assertTimeoutPreemptively(LIMIT, () -> intake.accept(event, delivery, signature, body));
    answered(result);
    return result;
  }

  /** 2xx with what happened (and why, if ignored) or 4xx with an error code and a reason. */
  private static void answered(IntakeResult result) {
    Map<String, Object> body = result.body();
    if (result.status() >= 400) {
      assertThat(result.status()).isLessThan(500);
      assertThat(result.error()).isNotBlank();
      assertThat(body.get("reason")).asString().isNotBlank();
    } else {
      assertThat(result.status()).isIn(200, 202);
      assertThat(body.get("status")).isIn("accepted", "ignored", "pong");
      if ("ignored".equals(body.get("status"))) {
        assertThat(body.get("reason")).asString().isNotBlank();
      }
    }
  }

  /** One to four edits at random objects of the tree: a field removed, retyped or rewritten. */
  static JsonNode mutate(JsonNode tree, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(tree, objects);
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && !objects.isEmpty(); e++) {
      // Half the edits at the root, where the classifier reads (action, repository, number).
      ObjectNode target = objects.get(random.nextBoolean() ? 0 : random.nextInt(objects.size()));
      List<String> fields = new ArrayList<>();
      target.fieldNames().forEachRemaining(fields::add);
      if (fields.isEmpty()) {
        continue;
      }
      String field = fields.get(random.nextInt(fields.size()));
      switch (random.nextInt(3)) {
        case 0 -> target.remove(field);
        case 1 -> target.set(field, strangeValue(random));
        default -> target.put(field, strangeText(random));
      }
    }
    if (random.nextInt(20) == 0) {
      return strangeValue(random); // the whole payload replaced: not an object at all
    }
    return tree;
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
    }
    node.forEach(child -> collect(child, out));
  }

  private static JsonNode strangeValue(Random random) {
    return switch (random.nextInt(9)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(random.nextLong());
      case 2 -> NODES.numberNode(-1);
      case 3 -> NODES.numberNode(1e308 * random.nextDouble());
      case 4 -> NODES.booleanNode(random.nextBoolean());
      case 5 -> NODES.arrayNode().add(strangeText(random));
      case 6 -> NODES.objectNode();
      case 7 -> nested(1 + random.nextInt(200));
      default -> NODES.textNode(strangeText(random));
    };
  }

  private static ArrayNode nested(int depth) {
    ArrayNode root = NODES.arrayNode();
    ArrayNode at = root;
    for (int i = 0; i < depth; i++) {
      at = at.addArray();
    }
    return root;
  }

  private static String strangeText(Random random) {
    String[] texts = {
      "",
      " ",
      "\u0000",
      "/attentive",
      "/attentive review\u0000",
      "refs/heads/",
      "open",
      "closed",
      "opened",
      "created",
      "\uD83D\uDE00",
      "\uFEFF",
      "\u202Eevil",
      "x".repeat(100_000),
      "-1",
      "9223372036854775808",
      "octo/repo",
      "null"
    };
    return texts[random.nextInt(texts.length)];
  }

  /** Bytes broken below JSON: truncated, a byte flipped, invalid UTF-8, NULs, or empty. */
  static byte[] damage(byte[] body, Random random) {
    byte[] out = body.clone();
    return switch (random.nextInt(5)) {
      case 0 -> java.util.Arrays.copyOf(out, random.nextInt(out.length + 1));
      case 1 -> {
        out[random.nextInt(out.length)] = (byte) random.nextInt(256);
        yield out;
      }
      case 2 -> {
        out[random.nextInt(out.length)] = (byte) 0xC3; // a lead byte without its continuation
        yield out;
      }
      case 3 -> {
        out[random.nextInt(out.length)] = 0;
        yield out;
      }
      default -> new byte[0];
    };
  }

  @Provide
  Arbitrary<Seed> seeds() {
    // Mostly the events the classifier reads deeply; every other kind too.
    Set<String> read = Set.of("pull_request", "issue_comment", "push", "ping");
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of(SEEDS)),
        Tuple.of(3, Arbitraries.of(SEEDS.stream().filter(s -> read.contains(s.event())).toList())));
  }

  @Provide
  Arbitrary<String> events() {
    return Arbitraries.oneOf(
        Arbitraries.of(EVENTS),
        Arbitraries.of("", " ", "PULL_REQUEST", "pull_request\u0000"),
        Arbitraries.strings().ofMaxLength(20));
  }

  @Provide
  Arbitrary<String> deliveryIds() {
    return Arbitraries.oneOf(
        Arbitraries.create(() -> UUID.randomUUID().toString()),
        Arbitraries.of("", " ", "\u0000", "x".repeat(10_000)),
        Arbitraries.strings().ofMaxLength(40));
  }

  private static IngestConfig config() {
    return new SmallRyeConfigBuilder()
        .withMapping(IngestConfig.class)
        .withConverter(Duration.class, 100, new DurationConverter()) // "5s", "7d" as in Quarkus
        .withDefaultValue("attentive.ingest.webhook.secret", SECRET)
        .build()
        .getConfigMapping(IngestConfig.class);
  }
}
