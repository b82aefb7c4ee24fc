package dev.attentive.settings;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.attentive.events.AttentionProgram;
import dev.attentive.events.RepositorySettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code .attentive.yml}. Never throws: whatever is wrong (bad YAML, unknown keys, wrong
 * types, values out of range) becomes a problem message naming the line, and the part in question
 * stays at its default.
 *
 * <pre>
 * version: 1
 * analyzers: [style, tests]
 * style:
 *   checkstyle: config/checkstyle.xml   # or google_checks.xml / sun_checks.xml
 *   formatter: false
 * ignore: ["docs/**", "*.sql"]
 * review:
 *   maxComments: 10
 *   minConfidence: 0.8
 * tests:
 *   execute: true
 * model:
 *   attention: {...}                    # passed to the model analyzer as JSON
 * </pre>
 */
public final class RepositorySettingsParser {

  /** Larger files are not read at all. */
  public static final int MAX_FILE_CHARS = 64 * 1024;

  public static final int MAX_IGNORE_PATTERNS = 200;
  public static final int MAX_PATH_CHARS = 300;

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(YAML);
  private static final Set<String> BUILT_IN_CHECKSTYLE =
      Set.of("google_checks.xml", "sun_checks.xml");
  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "", Set.of("version", "analyzers", "style", "ignore", "review", "tests", "model"),
          "style", Set.of("checkstyle", "formatter"),
          "review", Set.of("maxComments", "minConfidence"),
          "tests", Set.of("execute"),
          "model", Set.of("attention"));

  private RepositorySettingsParser() {}

  /**
   * @param text the file's content
   * @param source where it came from, for {@link RepositorySettings#source()}
   */
  public static RepositorySettings parse(String text, String source) {
    return new Reading(text, source).read();
  }

  private static final class Reading {
    private final String text;
    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    Reading(String text, String source) {
      this.text = text == null ? "" : text;
      this.source = source;
    }

    RepositorySettings read() {
      if (text.length() > MAX_FILE_CHARS) {
        problems.add(
            "`"
                + RepositorySettings.FILE
                + "` is larger than "
                + MAX_FILE_CHARS / 1024
                + " KiB and was not read");
        return empty();
      }
      JsonNode root;
      try {
        indexLines();
        root = MAPPER.readTree(text);
      } catch (JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        problems.add(
            "`"
                + RepositorySettings.FILE
                + "`"
                + (at == null || at.getLineNr() < 1 ? "" : " line " + at.getLineNr())
                + ": not valid YAML ("
                + e.getOriginalMessage().lines().findFirst().orElse("")
                + "); the whole file was ignored");
        return empty();
      } catch (IOException e) {
        problems.add("`" + RepositorySettings.FILE + "` could not be read: " + e.getMessage());
        return empty();
      }
      if (root == null || root.isMissingNode() || root.isNull()) {
        return empty(); // an empty file: all defaults, nothing wrong
      }
      if (!root.isObject()) {
        problems.add(
            at("")
                + "the file must be a mapping of keys (version, analyzers, style, ...), was "
                + kind(root)
                + "; the whole file was ignored");
        return empty();
      }
      unknownKeys(root, "");
      int version = version(root.get("version"));
      List<String> analyzers = analyzers(root.get("analyzers"));
      JsonNode style = section(root, "style");
      String checkstyle = checkstyle(style.get("checkstyle"));
      Boolean formatter = bool(style.get("formatter"), "style.formatter");
      List<String> ignore = ignore(root.get("ignore"));
      JsonNode review = section(root, "review");
      Integer maxComments = maxComments(review.get("maxComments"));
      Double minConfidence = minConfidence(review.get("minConfidence"));
      Boolean execute = bool(section(root, "tests").get("execute"), "tests.execute");
      JsonNode attention = section(root, "model").get("attention");
      if (attention != null && attention.isNull()) {
        attention = null;
      }
      if (attention != null) {
        try {
          AttentionProgram.fromJson(attention);
        } catch (IllegalArgumentException e) {
          problems.add(
              at("model.attention")
                  + "model.attention: "
                  + e.getMessage()
                  + "; the default attention program is used");
          attention = null;
        }
      }
      return new RepositorySettings(
          version,
          analyzers,
          checkstyle,
          null,
          formatter,
          ignore,
          maxComments,
          minConfidence,
          execute,
          attention,
          null,
          problems,
          source);
    }

    private RepositorySettings empty() {
      return new RepositorySettings(
          RepositorySettings.VERSION,
          null,
          null,
          null,
          null,
          List.of(),
          null,
          null,
          null,
          null,
          null,
          problems,
          source);
    }

    /** Line of every key, by dotted path ("review.maxComments"), from the YAML tokens. */
    private void indexLines() throws IOException {
      try (JsonParser p = YAML.createParser(text)) {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
          if (t == JsonToken.FIELD_NAME) {
            String pointer = p.getParsingContext().pathAsPointer().toString();
            String dotted =
                pointer.substring(1).replace('/', '.').replace("~1", "/").replace("~0", "~");
            lines.putIfAbsent(dotted, p.currentTokenLocation().getLineNr());
          }
        }
      }
    }

    private String at(String path) {
      Integer line = lines.get(path);
      return "`" + RepositorySettings.FILE + "`" + (line == null ? "" : " line " + line) + ": ";
    }

    private void unknownKeys(JsonNode node, String path) {
      Set<String> known = KEYS.get(path);
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        String full = path.isEmpty() ? name : path + "." + name;
        if (!known.contains(name)) {
          problems.add(
              at(full)
                  + "unknown key `"
                  + full
                  + "` (known: "
                  + String.join(", ", known.stream().sorted().toList())
                  + ")");
        }
      }
    }

    private JsonNode section(JsonNode root, String name) {
      JsonNode node = root.get(name);
      if (node == null || node.isNull()) {
        return MAPPER.createObjectNode();
      }
      if (!node.isObject()) {
        problems.add(at(name) + name + " must be a mapping, was " + kind(node));
        return MAPPER.createObjectNode();
      }
      unknownKeys(node, name);
      return node;
    }

    private int version(JsonNode node) {
      if (node == null || node.isNull()) {
        return RepositorySettings.VERSION;
      }
      if (!node.isInt() || node.intValue() != RepositorySettings.VERSION) {
        problems.add(
            at("version")
                + "version must be "
                + RepositorySettings.VERSION
                + ", was "
                + show(node)
                + "; read as version "
                + RepositorySettings.VERSION);
      }
      return RepositorySettings.VERSION;
    }

    private List<String> analyzers(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      List<String> texts = stringList(node, "analyzers");
      if (texts == null) {
        return null;
      }
      List<String> out = new ArrayList<>();
      for (String id : texts) {
        String clean = id.strip().toLowerCase(java.util.Locale.ROOT);
        if (RepositorySettings.KNOWN_ANALYZERS.contains(clean)) {
          if (!out.contains(clean)) {
            out.add(clean);
          }
        } else {
          problems.add(
              at("analyzers")
                  + "analyzers: unknown analyzer `"
                  + id
                  + "` (known: "
                  + String.join(", ", RepositorySettings.KNOWN_ANALYZERS)
                  + "); left out");
        }
      }
      return out;
    }

    private String checkstyle(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      String where = at("style.checkstyle");
      if (!node.isTextual() || node.asText().isBlank()) {
        problems.add(
            where
                + "style.checkstyle must be google_checks.xml, sun_checks.xml or a path in the"
                + " repository, was "
                + show(node));
        return null;
      }
      String value = node.asText().strip();
      if (BUILT_IN_CHECKSTYLE.contains(value)) {
        return value;
      }
      String path = value.startsWith("/") ? value.substring(1) : value;
      if (path.isEmpty()
          || path.length() > MAX_PATH_CHARS
          || path.contains("\\")
          || path.contains("://")
          || List.of(path.split("/")).contains("..")
          || path.chars().anyMatch(c -> c < 0x20)) {
        problems.add(
            where
                + "style.checkstyle must be google_checks.xml, sun_checks.xml or a relative path in the"
                + " repository (no `..`), was "
                + show(node));
        return null;
      }
      return path;
    }

    private List<String> ignore(JsonNode node) {
      if (node == null || node.isNull()) {
        return List.of();
      }
      List<String> texts = stringList(node, "ignore");
      if (texts == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (String pattern : texts) {
        String p = pattern.strip();
        if (p.isEmpty()) {
          continue;
        }
        if (out.size() >= MAX_IGNORE_PATTERNS) {
          problems.add(
              at("ignore")
                  + "ignore: at most "
                  + MAX_IGNORE_PATTERNS
                  + " patterns; the rest were left out");
          break;
        }
        // Size and complexity limits too: ingest matches these against every path of a pull
        // request.
        Optional<String> problem = Glob.problem(p.startsWith("/") ? p.substring(1) : p);
        if (problem.isEmpty()) {
          out.add(p);
        } else {
          problems.add(
              at("ignore")
                  + "ignore: `"
                  + pattern
                  + "` is not a valid glob ("
                  + problem.get()
                  + "); left out");
        }
      }
      return out;
    }

    private Integer maxComments(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isIntegralNumber()
          || !node.canConvertToInt()
          || node.intValue() < 1
          || node.intValue() > RepositorySettings.MAX_COMMENTS_LIMIT) {
        problems.add(
            at("review.maxComments")
                + "review.maxComments must be between 1 and "
                + RepositorySettings.MAX_COMMENTS_LIMIT
                + ", was "
                + show(node));
        return null;
      }
      return node.intValue();
    }

    private Double minConfidence(JsonNode node) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isNumber()
          || node.doubleValue() < 0
          || node.doubleValue() > 1
          || Double.isNaN(node.doubleValue())) {
        problems.add(
            at("review.minConfidence")
                + "review.minConfidence must be a number between 0 and 1, was "
                + show(node));
        return null;
      }
      return node.doubleValue();
    }

    private Boolean bool(JsonNode node, String path) {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isBoolean()) {
        problems.add(at(path) + path + " must be true or false, was " + show(node));
        return null;
      }
      return node.booleanValue();
    }

    /**
     * A list of strings; a single string counts as a list of one. Null (and a problem) for anything
     * else.
     */
    private List<String> stringList(JsonNode node, String path) {
      if (node.isTextual()) {
        return List.of(node.asText());
      }
      if (!node.isArray()) {
        problems.add(at(path) + path + " must be a list, was " + show(node));
        return null;
      }
      List<String> out = new ArrayList<>();
      for (JsonNode item : node) {
        if (item.isTextual()) {
          out.add(item.asText());
        } else {
          problems.add(at(path) + path + ": entries must be text, " + show(item) + " was left out");
        }
      }
      return out;
    }

    private static String kind(JsonNode node) {
      if (node.isArray()) {
        return "a list";
      }
      if (node.isObject()) {
        return "a mapping";
      }
      return show(node);
    }

    private static String show(JsonNode node) {
      if (node.isTextual()) {
        String t = node.asText();
        return "\"" + (t.length() > 60 ? t.substring(0, 60) + "…" : t) + "\"";
      }
      if (node.isContainerNode()) {
        return node.isArray() ? "a list" : "a mapping";
      }
      return node.toString();
    }
  }
}
