package dev.attentive.reviewer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.events.Suggestion;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Suggestions as Markdown (what a reviewer reads), JSON (the events' own shape) or SARIF 2.1.0
 * (code scanning).
 */
public final class SuggestionFormats {

  public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SuggestionFormats() {}

  public static String markdown(List<Suggestion> suggestions, List<String> notes) {
    StringBuilder out = new StringBuilder("# Attentive review\n\n");
    Map<Suggestion.Kind, Long> counts =
        suggestions.stream()
            .collect(
                Collectors.groupingBy(
                    Suggestion::kind,
                    () -> new java.util.EnumMap<>(Suggestion.Kind.class),
                    Collectors.counting()));
    out.append(suggestions.size()).append(suggestions.size() == 1 ? " suggestion" : " suggestions");
    if (!counts.isEmpty()) {
      out.append(" (")
          .append(
              counts.entrySet().stream()
                  .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                  .collect(Collectors.joining(", ")))
          .append(")");
    }
    out.append(".\n");
    Map<String, List<Suggestion>> byPath =
        suggestions.stream()
            .collect(Collectors.groupingBy(Suggestion::path, TreeMap::new, Collectors.toList()));
    for (var entry : byPath.entrySet()) {
      out.append("\n## ").append(entry.getKey()).append("\n");
      for (Suggestion s : entry.getValue()) {
        out.append("\n**")
            .append(lines(s))
            .append("** · `")
            .append(s.ruleId())
            .append("` · ")
            .append(s.severity().name().toLowerCase(Locale.ROOT))
            .append("\n\n")
            .append(s.message())
            .append("\n");
        if (s.replacement() != null) {
          out.append("\n```suggestion\n").append(s.replacement());
          if (!s.replacement().isEmpty() && !s.replacement().endsWith("\n")) {
            out.append("\n");
          }
          out.append("```\n");
        }
      }
    }
    if (!notes.isEmpty()) {
      out.append("\n## Not reviewed\n\n");
      notes.forEach(n -> out.append("- ").append(n).append("\n"));
    }
    return out.toString();
  }

  public static String json(List<Suggestion> suggestions, List<String> notes)
      throws java.io.IOException {
    ObjectNode root = EventJson.mapper().createObjectNode();
    root.set("suggestions", EventJson.mapper().valueToTree(suggestions));
    root.set("notes", EventJson.mapper().valueToTree(notes));
    return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  public static String sarif(List<Suggestion> suggestions, String version)
      throws java.io.IOException {
    ObjectNode root = EventJson.mapper().createObjectNode();
    root.put("$schema", SARIF_SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver
        .put("name", "Attentive")
        .put("version", version)
        .put("informationUri", "https://github.com/attentive-review/attentive");
    ArrayNode rules = driver.putArray("rules");
    suggestions.stream()
        .map(Suggestion::ruleId)
        .distinct()
        .sorted()
        .forEach(
            id -> rules.addObject().put("id", id).putObject("shortDescription").put("text", id));
    ArrayNode results = run.putArray("results");
    for (Suggestion s : suggestions) {
      ObjectNode result = results.addObject();
      result.put("ruleId", s.ruleId());
      result.put(
          "level",
          switch (s.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
          });
      result.putObject("message").put("text", s.message());
      ObjectNode location = result.putArray("locations").addObject().putObject("physicalLocation");
      location.putObject("artifactLocation").put("uri", s.path());
      location.putObject("region").put("startLine", s.startLine()).put("endLine", s.endLine());
      result.putObject("partialFingerprints").put("attentive/v1", s.fingerprint());
      result.putObject("properties").put("kind", s.kind().name()).put("confidence", s.confidence());
      if (s.replacement() != null) {
        ObjectNode change = result.putArray("fixes").addObject();
        change.putObject("description").put("text", "Apply the suggested lines");
        ObjectNode artifact = change.putArray("artifactChanges").addObject();
        artifact.putObject("artifactLocation").put("uri", s.path());
        ObjectNode replacement = artifact.putArray("replacements").addObject();
        replacement
            .putObject("deletedRegion")
            .put("startLine", s.startLine())
            .put("endLine", s.endLine());
        replacement
            .putObject("insertedContent")
            .put(
                "text",
                s.replacement().isEmpty() || s.replacement().endsWith("\n")
                    ? s.replacement()
                    : s.replacement() + "\n");
      }
    }
    return EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static String lines(Suggestion s) {
    return s.startLine() == s.endLine()
        ? "line " + s.startLine()
        : "lines " + s.startLine() + "–" + s.endLine();
  }
}
