package dev.attentive.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the model should look: a small declarative program whose rules add a bias to the attention
 * logits of every head for the tokens they select (keys), e.g. boost tokens on added lines, damp
 * comments and imports, mask generated code. The model was trained with {@link #DEFAULT}; a team
 * may supply its own in {@code .attentive.yml}.
 *
 * <pre>
 * {"version": 1, "rules": [{"tokens": "added", "bias": 1.0}, {"tokens": "generated", "mask": true}]}
 * </pre>
 *
 * Selectors: {@code added context comment import literal identifier keyword operator separator
 * generated all}. Biases are clamped to [-8, 8]; {@code mask} means -30 (the token is effectively
 * never attended to). The leading "no bug" slot is never biased.
 */
public record AttentionProgram(int version, List<Rule> rules) {

  public static final int FORMAT_VERSION = 1;
  public static final float MASK = -30f;

  public static final int ADDED = 1;
  public static final int COMMENT = 2;
  public static final int IMPORT = 4;
  public static final int LITERAL = 8;
  public static final int IDENTIFIER = 16;
  public static final int KEYWORD = 32;
  public static final int OPERATOR = 64;
  public static final int GENERATED = 128;
  public static final int SEPARATOR = 256;

  private static final Map<String, Integer> SELECTORS =
      Map.of(
          "added",
          ADDED,
          "comment",
          COMMENT,
          "import",
          IMPORT,
          "literal",
          LITERAL,
          "identifier",
          IDENTIFIER,
          "keyword",
          KEYWORD,
          "operator",
          OPERATOR,
          "generated",
          GENERATED,
          "separator",
          SEPARATOR);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The program the shipped model was trained with. */
  public static final AttentionProgram DEFAULT =
      new AttentionProgram(
          FORMAT_VERSION,
          List.of(
              new Rule("added", 1.0f, false),
              new Rule("comment", -1.0f, false),
              new Rule("import", -2.0f, false),
              new Rule("generated", 0f, true)));

  /** One rule: the tokens it selects and the bias it adds (or a mask). */
  public record Rule(String tokens, float bias, boolean mask) {}

  public AttentionProgram {
    rules = List.copyOf(rules);
  }

  /** Parses and validates a program; the message of the exception says what is wrong. */
  public static AttentionProgram parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "attention program is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    return fromJson(root);
  }

  public static AttentionProgram fromJson(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "attention program must be an object with 'version' and 'rules'");
    }
    int version = root.path("version").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw new IllegalArgumentException(
          "attention program version must be " + FORMAT_VERSION + ", was " + root.path("version"));
    }
    JsonNode rulesNode = root.path("rules");
    if (!rulesNode.isArray() || rulesNode.size() > 32) {
      throw new IllegalArgumentException(
          "attention program 'rules' must be a list of at most 32 rules");
    }
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < rulesNode.size(); i++) {
      JsonNode rule = rulesNode.get(i);
      for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!List.of("tokens", "bias", "mask").contains(field)) {
          throw new IllegalArgumentException(
              "rule " + (i + 1) + ": unknown key '" + field + "' (known: tokens, bias, mask)");
        }
      }
      String selector = rule.path("tokens").asText("").toLowerCase(Locale.ROOT);
      if (!SELECTORS.containsKey(selector)
          && !selector.equals("context")
          && !selector.equals("all")) {
        throw new IllegalArgumentException(
            "rule "
                + (i + 1)
                + ": unknown tokens '"
                + selector
                + "' (known: "
                + "added, context, comment, import, literal, identifier, keyword, operator, separator, generated, all)");
      }
      JsonNode bias = rule.path("bias");
      // A NaN node (from a caller's tree) would pass the clamp below unchanged and poison every
      // logit.
      if (!bias.isMissingNode() && (!bias.isNumber() || Double.isNaN(bias.asDouble()))) {
        throw new IllegalArgumentException("rule " + (i + 1) + ": bias must be a number");
      }
      rules.add(
          new Rule(
              selector,
              (float) Math.max(-8, Math.min(8, bias.asDouble(0))),
              rule.path("mask").asBoolean(false)));
    }
    return new AttentionProgram(version, rules);
  }

  public static AttentionProgram load(InputStream in) {
    try {
      return fromJson(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bias for a token with these feature bits. */
  public float bias(int features) {
    float total = 0;
    for (Rule rule : rules) {
      if (matches(rule.tokens(), features)) {
        if (rule.mask()) {
          return MASK;
        }
        total += rule.bias();
      }
    }
    return Math.max(-8, Math.min(8, total));
  }

  private static boolean matches(String selector, int features) {
    if (selector.equals("all")) {
      return true;
    }
    if (selector.equals("context")) {
      return (features & ADDED) == 0;
    }
    return (features & SELECTORS.get(selector)) != 0;
  }
}
