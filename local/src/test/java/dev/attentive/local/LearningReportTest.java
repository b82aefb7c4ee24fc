package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositoryLearning.RuleStats;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/attentive report} on a real broker: one repository's feedback and learning, among
 * another repository's records, a repeated outcome and an unreadable record, become one
 * self-contained page whose tables say what the records say.
 */
class LearningReportTest {

  static final String REPO = "octo/shop";
  static final Instant MONDAY = Instant.parse("2026-11-02T10:00:00Z");

  static EmbeddedKafka kafka;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    kafka = EmbeddedKafka.start(3);
  }

  @AfterAll
  static void stop() {
    kafka.close();
  }

  static int serial;

  static Feedback outcome(
      String repository, String rule, Suggestion.Kind kind, Feedback.Type type, int day) {
    String fingerprint = "fp-" + (++serial);
    return new Feedback(
        Feedback.SCHEMA_VERSION,
        Feedback.outcomeId(repository, 3, fingerprint, type, "bob"),
        repository,
        3,
        type,
        fingerprint,
        rule,
        kind == Suggestion.Kind.REPAIR ? "model" : "style",
        null,
        0.7,
        kind,
        "src/A.java",
        10,
        100 + serial,
        null,
        "bob",
        type == Feedback.Type.REPLY ? "<b>not</b> here & there" : null,
        MONDAY.plusSeconds(86_400L * day));
  }

  static RepositoryLearning learning(boolean muted) {
    return new RepositoryLearning(
        RepositoryLearning.SCHEMA_VERSION,
        REPO,
        Map.of(
            "style/AvoidStarImport",
            new RuleStats(
                0, 4, 0, muted, muted ? MONDAY.plusSeconds(86_400L * 8) : null, muted, MONDAY)),
        Map.of("style/LineLength", "alice"),
        Map.of("binary_operator", 0.62),
        null,
        MONDAY);
  }

  @Test
  void theReportSaysWhatTheRepositoryTaughtAttentive() throws Exception {
    List<Feedback> feedback = new ArrayList<>();
    String star = "style/AvoidStarImport";
    feedback.add(outcome(REPO, star, Suggestion.Kind.STYLE, Feedback.Type.THUMBS_DOWN, 0));
    feedback.add(
        outcome(REPO, star, Suggestion.Kind.STYLE, Feedback.Type.RESOLVED_WITHOUT_CHANGE, 1));
    feedback.add(outcome(REPO, star, Suggestion.Kind.STYLE, Feedback.Type.THUMBS_DOWN, 7));
    feedback.add(outcome(REPO, star, Suggestion.Kind.STYLE, Feedback.Type.IGNORED, 8));
    for (int day : new int[] {0, 7, 9}) {
      feedback.add(
          outcome(REPO, "model/operator", Suggestion.Kind.REPAIR, Feedback.Type.APPLIED, day));
    }
    feedback.add(
        outcome(REPO, "model/operator", Suggestion.Kind.REPAIR, Feedback.Type.THUMBS_DOWN, 9));
    feedback.add(outcome(REPO, star, Suggestion.Kind.STYLE, Feedback.Type.REPLY, 2));
    feedback.add(feedback.get(0)); // redelivered: one outcome
    feedback.add(
        outcome("other/repo", "style/Secret", Suggestion.Kind.STYLE, Feedback.Type.THUMBS_DOWN, 1));

    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      for (Feedback f : feedback) {
        producer.send(
            new ProducerRecord<>(
                Topics.FEEDBACK,
                f.repository(),
                EventSerdes.feedback().serialize(Topics.FEEDBACK, f)));
      }
      producer.send(
          new ProducerRecord<>(Topics.FEEDBACK, REPO, "{broken".getBytes(StandardCharsets.UTF_8)));
      for (boolean muted : new boolean[] {false, true}) {
        producer.send(
            new ProducerRecord<>(
                Topics.REPO_LEARNING,
                REPO,
                EventSerdes.repositoryLearning().serialize(Topics.REPO_LEARNING, learning(muted))));
      }
      producer.flush();
    }

    Path out = dir.resolve("report.html");
    int code =
        LearningReport.run(
            Options.parse(
                new String[] {
                  "--repo", REPO, "--bootstrap", kafka.bootstrapServers(), "--out", out.toString()
                }));
    assertThat(code).isZero();
    String html = Files.readString(out);

    // self-contained: no script, nothing fetched (the only URL is SVG's namespace)
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").contains("<svg");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http");
    assertThat(html).doesNotContain("style/Secret").doesNotContain("other/repo");
    assertThat(html).doesNotContain("<b>not</b>");

    Map<String, String> counts = rows(html, "outcomes", 3);
    assertThat(counts)
        .containsEntry("THUMBS_DOWN", "3")
        .containsEntry("RESOLVED_WITHOUT_CHANGE", "1")
        .containsEntry("IGNORED", "1")
        .containsEntry("APPLIED", "3")
        .containsEntry("REPLY", "1")
        .containsEntry("THUMBS_UP", "0");

    // per kind, cumulative by week: STYLE 0/2 in the first week, 0/4 in the second
    List<List<String>> weekly = table(section(html, "acceptance-by-kind"), "weekly");
    assertThat(weekly)
        .contains(
            List.of("STYLE", "2026-11-02", "0", "2", "25%"),
            List.of("STYLE", "2026-11-09", "0", "4", "17%"),
            List.of("REPAIR", "2026-11-02", "1", "0", "67%"),
            List.of("REPAIR", "2026-11-09", "3", "1", "67%"));
    assertThat(table(section(html, "acceptance-by-rule"), "weekly"))
        .extracting(row -> row.get(0))
        .containsOnly("style/AvoidStarImport", "model/operator");

    List<List<String>> muted = table(section(html, "muted"), "muted");
    assertThat(muted).hasSize(2);
    assertThat(muted.get(0).get(0)).isEqualTo("style/AvoidStarImport");
    assertThat(muted.get(0).get(1)).startsWith("the bar: rejected 4, accepted 0 (acceptance 17%)");
    assertThat(muted.get(0).get(2)).isEqualTo("/attentive unignore style/AvoidStarImport");
    assertThat(muted.get(1))
        .containsExactly(
            "style/LineLength",
            "ignored by command of @alice",
            "/attentive unignore style/LineLength");

    assertThat(table(section(html, "thresholds"), "thresholds"))
        .containsExactly(List.of("binary_operator", "0.620"));
  }

  /** The HTML from the heading with this id to the next heading. */
  static String section(String html, String id) {
    int start = html.indexOf("<h2 id=\"" + id + "\">");
    assertThat(start).as("section " + id).isNotNegative();
    int end = html.indexOf("<h2", start + 1);
    return end < 0 ? html.substring(start) : html.substring(start, end);
  }

  /** The rows (cells without tags) of the table of that class, header left out. */
  static List<List<String>> table(String html, String cls) {
    int start = html.indexOf("<table class=\"" + cls + "\">");
    assertThat(start).as("table " + cls).isNotNegative();
    String body = html.substring(start, html.indexOf("</table>", start));
    List<List<String>> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr>(.*?)</tr>").matcher(body);
    while (row.find()) {
      if (row.group(1).startsWith("<th>")) {
        continue;
      }
      List<String> cells = new ArrayList<>();
      Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1));
      while (cell.find()) {
        cells.add(cell.group(1).replaceAll("<[^>]+>", ""));
      }
      rows.add(cells);
    }
    return rows;
  }

  /** First cell → the cell at {@code column} (1-based) of the table of that class. */
  static Map<String, String> rows(String html, String cls, int column) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    table(html, cls).forEach(r -> out.put(r.get(0), r.get(column - 1)));
    return out;
  }
}
