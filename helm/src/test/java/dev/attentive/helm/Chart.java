package dev.attentive.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Renders the chart with helm-java (helm template) and parses the manifests with Jackson YAML. */
final class Chart {

  static final String RELEASE = "rel";
  static final String PREFIX = RELEASE + "-attentive";
  static final ObjectMapper YAML = new YAMLMapper();

  private Chart() {}

  static Path dir() {
    String dir = System.getProperty("attentive.chart.dir", "attentive");
    Path path = Paths.get(dir).toAbsolutePath();
    if (!Files.isRegularFile(path.resolve("Chart.yaml"))) {
      throw new IllegalStateException("no Chart.yaml in " + path);
    }
    return path;
  }

  /** The values every render needs (the chart requires them). */
  static Map<String, Object> required() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("kafka.bootstrapServers", "kafka.streaming.svc:9092");
    values.put("secrets.webhookSecret", "s3cr3t");
    return values;
  }

  /**
   * helm template with the required values plus {@code sets}, then {@code valuesYaml} (may be
   * null).
   */
  static Manifests render(Map<String, Object> sets, String valuesYaml) {
    Map<String, Object> all = required();
    all.putAll(sets);
    return renderExactly(all, valuesYaml);
  }

  static Manifests render(Map<String, Object> sets) {
    return render(sets, null);
  }

  static Manifests renderExactly(Map<String, Object> sets, String valuesYaml) {
    return renderExactly(dir(), sets, valuesYaml);
  }

  /**
   * Renders the chart plus the hook Jobs. helm template through helm-java returns the release
   * manifest without hooks, so a copy of the chart gets one more template that renders the hook
   * Job's named template into a ConfigMap ({@value #HOOK_PREVIEW}, key job.yaml); the Job is parsed
   * from there and added to the manifests.
   */
  static Manifests renderWithHooks(Map<String, Object> sets) {
    try {
      Path copy =
          copyWithValues(
              Files.createTempDirectory("attentive-chart").resolve("attentive"), Map.of());
      Files.writeString(
          copy.resolve("templates/zz-test-hook-preview.yaml"),
          """
          {{- if .Values.topics.createJob.enabled }}
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: %s
          data:
            job.yaml: {{ include "attentive.topicsJob" . | quote }}
          {{- end }}
          """
              .formatted(HOOK_PREVIEW));
      Map<String, Object> all = required();
      all.putAll(sets);
      Manifests rendered = renderExactly(copy, all, null);
      List<JsonNode> docs = new ArrayList<>();
      StringBuilder text = new StringBuilder(rendered.text());
      for (JsonNode doc : rendered.docs()) {
        if (HOOK_PREVIEW.equals(doc.path("metadata").path("name").asText())) {
          String job = doc.path("data").path("job.yaml").asText();
          text.append("\n---\n").append(job);
          docs.addAll(Manifests.parse(job).docs());
        } else {
          docs.add(doc);
        }
      }
      return new Manifests(text.toString(), docs);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final String HOOK_PREVIEW = "test-hook-preview";

  static Manifests renderExactly(Path chart, Map<String, Object> sets, String valuesYaml) {
    TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace("review");
    sets.forEach(command::set);
    if (valuesYaml != null) {
      try {
        Path file = Files.createTempFile("attentive-values", ".yaml");
        Files.writeString(file, valuesYaml);
        command.withValuesFile(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Manifests.parse(command.call());
  }

  /** A copy of the chart whose values.yaml has {@code overrides} (dotted paths) set. */
  static Path copyWithValues(Path target, Map<String, String> overrides) throws IOException {
    Path source = dir();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
    Path values = target.resolve("values.yaml");
    ObjectNode root = (ObjectNode) YAML.readTree(values.toFile());
    overrides.forEach(
        (path, value) -> {
          String[] parts = path.split("\\.");
          ObjectNode node = root;
          for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
          }
          node.put(parts[parts.length - 1], value);
        });
    YAML.writeValue(values.toFile(), root);
    return target;
  }

  /** Rendered manifests. */
  record Manifests(String text, List<JsonNode> docs) {

    static Manifests parse(String text) {
      List<JsonNode> docs = new ArrayList<>();
      try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
        while (it.hasNext()) {
          JsonNode doc = it.next();
          if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.has("kind")) {
            docs.add(doc);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("rendered manifests are not YAML:\n" + text, e);
      }
      return new Manifests(text, docs);
    }

    List<JsonNode> ofKind(String kind) {
      return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    List<String> namesOf(String kind) {
      return ofKind(kind).stream().map(d -> d.path("metadata").path("name").asText()).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
      return ofKind(kind).stream()
          .filter(d -> name.equals(d.path("metadata").path("name").asText()))
          .findFirst();
    }

    JsonNode get(String kind, String name) {
      return find(kind, name)
          .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in\n" + text));
    }
  }

  static JsonNode container(JsonNode deployment) {
    JsonNode containers = deployment.at("/spec/template/spec/containers");
    if (containers.size() != 1) {
      throw new AssertionError("expected one container: " + containers);
    }
    return containers.get(0);
  }

  /** Env vars with a literal value. */
  static Map<String, String> env(JsonNode deployment) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode var : container(deployment).path("env")) {
      if (var.has("value")) {
        env.put(var.get("name").asText(), var.get("value").asText());
      }
    }
    return env;
  }

  static Optional<JsonNode> envVar(JsonNode deployment, String name) {
    for (JsonNode var : container(deployment).path("env")) {
      if (name.equals(var.path("name").asText())) {
        return Optional.of(var);
      }
    }
    return Optional.empty();
  }
}
