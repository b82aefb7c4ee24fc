package dev.attentive.local;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositoryLearning.RuleStats;
import dev.attentive.events.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code bin/attentive report --repo OWNER/NAME [--bootstrap HOST:PORT] [--out report.html]}: reads
 * one repository's {@link Feedback} and its newest {@link RepositoryLearning} from the broker and
 * writes one self-contained HTML page (inline SVG, no script, nothing fetched): acceptance over
 * time per suggestion kind and per rule (weekly buckets of the outcomes' payload time, each point
 * the Beta(1, 1) posterior mean of everything up to that week's end, as the bar sees it), counts
 * per outcome type, what is muted and why, and the model kinds' thresholds.
 */
public final class LearningReport {

  /** The rules with the most outcomes get a line in the rule chart; the table lists them all. */
  static final int CHART_RULES = 8;

  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"
  };

  private LearningReport() {}

  /** What the broker holds about one repository. */
  record Taught(List<Feedback> feedback, RepositoryLearning learning, int unreadable) {}

  static int run(Options options) throws Exception {
    String repository = options.get("repo", "");
    if (!repository.matches("[^/\\s]+/[^/\\s]+")) {
      System.err.println(
          "usage: attentive report --repo OWNER/NAME [--bootstrap HOST:PORT] [--out report.html]");
      return 2;
    }
    String bootstrap = options.get("bootstrap", "localhost:9092");
    Path out = Path.of(options.get("out", "report.html"));
    Taught taught = read(bootstrap, repository, Duration.ofSeconds(options.getInt("timeout", 60)));
    Files.writeString(out, render(repository, taught), StandardCharsets.UTF_8);
    System.out.printf(
        Locale.ROOT,
        "%s: %d feedback record(s)%s, %s; report written to %s%n",
        repository,
        taught.feedback().size(),
        taught.unreadable() == 0 ? "" : " (" + taught.unreadable() + " unreadable, skipped)",
        taught.learning() == null
            ? "nothing learned yet"
            : "learning of " + taught.learning().updatedAt(),
        out.toAbsolutePath());
    return 0;
  }

  /** Every committed record of both topics up to their current end, kept for the repository. */
  static Taught read(String bootstrap, String repository, Duration timeout) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, Feedback> feedback = new LinkedHashMap<>();
    RepositoryLearning learning = null;
    int unreadable = 0;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      for (ConsumerRecord<String, byte[]> r :
          readAll(consumer, List.of(Topics.FEEDBACK, Topics.REPO_LEARNING), timeout)) {
        if (r.value() == null) {
          if (r.topic().equals(Topics.REPO_LEARNING) && repository.equals(r.key())) {
            learning = null; // a tombstone: the repository's learning was deleted
          }
          continue;
        }
        try {
          if (r.topic().equals(Topics.FEEDBACK)) {
            Feedback f = EventSerdes.feedback().deserialize(r.topic(), r.value());
            if (repository.equals(f.repository()) && f.id() != null && f.type() != null) {
              feedback.putIfAbsent(f.id(), f); // an outcome's id is its identity
            }
          } else if (repository.equals(r.key())) {
            RepositoryLearning l =
                EventSerdes.repositoryLearning().deserialize(r.topic(), r.value());
            if (repository.equals(l.repository())) {
              learning = l;
            }
          }
        } catch (RuntimeException e) {
          unreadable++;
        }
      }
    }
    return new Taught(List.copyOf(feedback.values()), learning, unreadable);
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(
      KafkaConsumer<String, byte[]> consumer, List<String> topics, Duration timeout) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      consumer
          .partitionsFor(topic, timeout)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the broker did not give the topics' records within " + timeout);
      }
      consumer.poll(Duration.ofMillis(200)).forEach(records::add);
    }
    records.sort(Comparator.comparingLong(ConsumerRecord::offset));
    return records;
  }

  // ---------------------------------------------------------------- the page

  /** The page, from the records read. */
  static String render(String repository, Taught taught) {
    List<Feedback> judged =
        taught.feedback().stream()
            .filter(f -> f.type().verdict() != Feedback.Verdict.NEUTRAL && f.at() != null)
            .sorted(Comparator.comparing(Feedback::at))
            .toList();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Attentive: what ")
        .append(esc(repository))
        .append(" taught it</title>\n<style>\n")
        .append(
            "body{font-family:system-ui,sans-serif;margin:2em;max-width:60em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
                + "th{background:#f4f4f4}td.n{text-align:right}svg{background:#fff}\n")
        .append("</style>\n</head>\n<body>\n<h1>Attentive: what ")
        .append(esc(repository))
        .append(" taught it</h1>\n<p>")
        .append(taught.feedback().size())
        .append(" feedback record(s) on <code>")
        .append(Topics.FEEDBACK)
        .append("</code>, ")
        .append(judged.size())
        .append(" of them accepting or rejecting a suggestion.</p>\n");

    html.append("<h2 id=\"acceptance-by-kind\">Acceptance over time, per kind</h2>\n");
    html.append(chart(weekly(judged, f -> f.kind() == null ? "none" : f.kind().name())));
    Map<String, Long> volume = new TreeMap<>();
    judged.forEach(f -> volume.merge(f.ruleId(), 1L, Long::sum));
    List<String> top =
        volume.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(CHART_RULES)
            .map(Map.Entry::getKey)
            .toList();
    html.append("<h2 id=\"acceptance-by-rule\">Acceptance over time, per rule</h2>\n");
    html.append(
        chart(
            weekly(
                judged.stream().filter(f -> top.contains(f.ruleId())).toList(), Feedback::ruleId)));
    html.append(outcomes(taught.feedback()));
    html.append(muted(taught.learning()));
    html.append(thresholds(taught.learning()));
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  /** Per series, per week (Monday, UTC) with outcomes: accepted and rejected up to its end. */
  static Map<String, TreeMap<LocalDate, int[]>> weekly(
      List<Feedback> judged, Function<Feedback, String> series) {
    Map<String, TreeMap<LocalDate, int[]>> weeks = new TreeMap<>();
    for (Feedback f : judged) {
      LocalDate week =
          f.at()
              .atZone(ZoneOffset.UTC)
              .toLocalDate()
              .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      int[] counts =
          weeks
              .computeIfAbsent(series.apply(f), s -> new TreeMap<>())
              .computeIfAbsent(week, w -> new int[2]);
      counts[f.type().verdict() == Feedback.Verdict.ACCEPTED ? 0 : 1]++;
    }
    // cumulative: the acceptance the bar sees at the end of each week
    for (TreeMap<LocalDate, int[]> s : weeks.values()) {
      int[] sum = new int[2];
      for (int[] c : s.values()) {
        sum[0] += c[0];
        sum[1] += c[1];
        c[0] = sum[0];
        c[1] = sum[1];
      }
    }
    return weeks;
  }

  /**
   * A line per series over the weeks, y = acceptance 0..1, and under it the numbers as a table (the
   * chart's points carry them as tooltips too).
   */
  static String chart(Map<String, TreeMap<LocalDate, int[]>> series) {
    if (series.isEmpty()) {
      return "<p class=\"empty\">No accepted or rejected suggestions yet.</p>\n";
    }
    TreeSet<LocalDate> weeks = new TreeSet<>();
    series.values().forEach(s -> weeks.addAll(s.keySet()));
    List<LocalDate> axis = new ArrayList<>(weeks);
    int width = 640;
    int height = 240;
    int left = 40;
    int right = 170;
    int top = 10;
    int bottom = 30;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    Function<Integer, Double> x =
        i -> left + (axis.size() == 1 ? plotW / 2 : plotW * i / (axis.size() - 1));
    Function<Double, Double> y = a -> top + plotH * (1 - a);
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">\n",
                width,
                height))
        .append("<title>acceptance per week</title>\n");
    for (double a : new double[] {0, 0.2, 0.5, 1}) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"4\" y=\"%.1f\" font-size=\"10\">%.0f%%</text>\n",
              left,
              left + plotW,
              y.apply(a),
              y.apply(a),
              y.apply(a) + 3,
              100 * a));
    }
    for (int i = 0; i < axis.size(); i++) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>\n",
              x.apply(i),
              height - 10,
              axis.get(i)));
    }
    int n = 0;
    StringBuilder table =
        new StringBuilder("<table class=\"weekly\">\n<tr><th>series</th><th>week of</th>")
            .append("<th>accepted</th><th>rejected</th><th>acceptance</th></tr>\n");
    for (Map.Entry<String, TreeMap<LocalDate, int[]>> s : series.entrySet()) {
      String color = COLORS[n % COLORS.length];
      StringBuilder points = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (Map.Entry<LocalDate, int[]> w : s.getValue().entrySet()) {
        int[] c = w.getValue();
        double acceptance = new RuleStats(c[0], c[1], 0, false, null, false, null).acceptance();
        double px = x.apply(axis.indexOf(w.getKey()));
        double py = y.apply(acceptance);
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        dots.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s, week of %s: %d"
                    + " accepted, %d rejected (%.0f%%)</title></circle>\n",
                px,
                py,
                color,
                esc(s.getKey()),
                w.getKey(),
                c[0],
                c[1],
                100 * acceptance));
        table.append(
            String.format(
                Locale.ROOT,
                "<tr><td>%s</td><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%d</td>"
                    + "<td class=\"n\">%.0f%%</td></tr>\n",
                esc(s.getKey()),
                w.getKey(),
                c[0],
                c[1],
                100 * acceptance));
      }
      svg.append(
              String.format(
                  Locale.ROOT,
                  "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
                  color,
                  points.toString().strip()))
          .append(dots)
          .append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>\n",
                  left + plotW + 10,
                  top + 12 + 14 * n,
                  color,
                  esc(s.getKey())));
      n++;
    }
    svg.append("</svg>\n");
    return svg.append(table).append("</table>\n").toString();
  }

  /** Counts per outcome type, as a table and as bars. */
  static String outcomes(List<Feedback> feedback) {
    Map<Feedback.Type, Integer> counts = new EnumMap<>(Feedback.Type.class);
    for (Feedback.Type t : Feedback.Type.values()) {
      counts.put(t, 0);
    }
    feedback.forEach(f -> counts.merge(f.type(), 1, Integer::sum));
    int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    StringBuilder out =
        new StringBuilder("<h2 id=\"outcomes\">Outcomes</h2>\n")
            .append(
                String.format(
                    Locale.ROOT,
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"%d\""
                        + " role=\"img\">\n<title>feedback per outcome type</title>\n",
                    18 * counts.size() + 10));
    StringBuilder table =
        new StringBuilder(
            "<table class=\"outcomes\">\n<tr><th>outcome</th><th>verdict</th><th>count</th></tr>\n");
    int row = 0;
    for (Map.Entry<Feedback.Type, Integer> e : counts.entrySet()) {
      Feedback.Verdict verdict = e.getKey().verdict();
      String color =
          verdict == Feedback.Verdict.ACCEPTED
              ? "#2ca02c"
              : verdict == Feedback.Verdict.REJECTED ? "#d62728" : "#999";
      out.append(
          String.format(
              Locale.ROOT,
              "<text x=\"0\" y=\"%d\" font-size=\"11\">%s</text>"
                  + "<rect x=\"190\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%d</text>\n",
              18 * row + 15,
              e.getKey(),
              18 * row + 5,
              400.0 * e.getValue() / max,
              color,
              195 + 400.0 * e.getValue() / max,
              18 * row + 15,
              e.getValue()));
      table.append(
          String.format(
              Locale.ROOT,
              "<tr><td>%s</td><td>%s</td><td class=\"n\">%d</td></tr>\n",
              e.getKey(),
              verdict.name().toLowerCase(Locale.ROOT),
              e.getValue()));
      row++;
    }
    return out.append("</svg>\n").append(table).append("</table>\n").toString();
  }

  /** What is muted and why: by the bar (with its numbers) or by whose command. */
  static String muted(RepositoryLearning learning) {
    StringBuilder out = new StringBuilder("<h2 id=\"muted\">Muted</h2>\n");
    if (learning == null) {
      return out.append("<p class=\"empty\">Nothing learned yet.</p>\n").toString();
    }
    TreeMap<String, String> why = new TreeMap<>();
    learning
        .ignored()
        .forEach(
            (rule, who) ->
                why.put(rule, "ignored by command" + (who.isEmpty() ? "" : " of @" + who)));
    learning
        .rules()
        .forEach(
            (rule, s) -> {
              if (s.muted()) {
                why.merge(
                    rule,
                    String.format(
                        Locale.ROOT,
                        "the bar: rejected %d, accepted %d (acceptance %.0f%%), muted %s%s",
                        s.rejected(),
                        s.accepted(),
                        100 * s.acceptance(),
                        s.mutedAt(),
                        s.announced() ? ", announced in a review" : ""),
                    (a, b) -> a + "; " + b);
              }
            });
    if (why.isEmpty()) {
      return out.append("<p class=\"empty\">No rule is muted.</p>\n").toString();
    }
    out.append(
        "<table class=\"muted\">\n<tr><th>rule</th><th>why</th><th>turn it back on</th></tr>\n");
    why.forEach(
        (rule, reason) ->
            out.append("<tr><td><code>")
                .append(esc(rule))
                .append("</code></td><td>")
                .append(esc(reason))
                .append("</td><td><code>/attentive unignore ")
                .append(esc(rule))
                .append("</code></td></tr>\n"));
    return out.append("</table>\n").toString();
  }

  /** The model kinds' thresholds moved by the repository's outcomes. */
  static String thresholds(RepositoryLearning learning) {
    StringBuilder out = new StringBuilder("<h2 id=\"thresholds\">Model kind thresholds</h2>\n");
    if (learning == null || learning.kindThresholds().isEmpty()) {
      return out.append("<p class=\"empty\">Every kind uses the global threshold.</p>\n")
          .toString();
    }
    out.append("<table class=\"thresholds\">\n<tr><th>kind</th><th>threshold here</th></tr>\n");
    new TreeMap<>(learning.kindThresholds())
        .forEach(
            (kind, t) ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "<tr><td>%s</td><td class=\"n\">%.3f%s</td></tr>\n",
                        esc(kind),
                        t,
                        t >= 1.0 ? " (muted)" : "")));
    return out.append("</table>\n").toString();
  }

  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
