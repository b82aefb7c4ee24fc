package dev.attentive.models.eval;

import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.Posting;
import dev.attentive.models.train.Evaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One SVG per bug kind, hand-written (no plotting library): left, precision against recall on the
 * planted test windows as the threshold falls; right, on the real-fix test set, exact-fix recall
 * (of the bugs the kind can express) against false alarms per 1,000 real correct lines. The dot is
 * the shipped threshold.
 */
public final class Curves {

  /** A point of a curve at one threshold. */
  public record Point(double threshold, double x, double y) {}

  private Curves() {}

  /** Planted: x recall, y precision, for the kind's reports as its threshold falls. */
  public static List<Point> planted(
      List<Evaluator.Scored> scored, String kind, RepairClasses classes) {
    List<Evaluator.Scored> reports = new ArrayList<>();
    int planted = 0;
    for (Evaluator.Scored s : scored) {
      boolean right =
          s.example().buggy() && s.location() == s.example().location() && s.repairRight();
      String said = right ? s.example().kind() : Evaluator.repairKind(s.repair(), classes);
      planted += s.example().buggy() && s.example().kind().equals(kind) ? 1 : 0;
      if (s.location() != 0 && said.equals(kind)) {
        reports.add(s);
      }
    }
    List<Point> points = new ArrayList<>();
    for (double t : thresholds(reports.stream().map(Evaluator.Scored::confidence).toList())) {
      int said = 0;
      int right = 0;
      for (Evaluator.Scored s : reports) {
        if (s.confidence() > t) {
          said++;
          right +=
              s.example().buggy() && s.location() == s.example().location() && s.repairRight()
                  ? 1
                  : 0;
        }
      }
      if (said > 0 && planted > 0) {
        points.add(new Point(t, (double) right / planted, (double) right / said));
      }
    }
    return points;
  }

  /** Real: x false alarms per 1,000 correct lines, y exact-fix recall of expressible bugs. */
  public static List<Point> real(RealFixEvaluation.Scored scored, String kind, boolean roundTrip) {
    List<Double> confidences = new ArrayList<>();
    scored.correct().stream()
        .filter(r -> r.kind().equals(kind))
        .forEach(r -> confidences.add(r.finding().confidence()));
    scored.bugs().forEach(b -> b.reads().forEach(r -> confidences.add(r.finding().confidence())));
    List<Point> points = new ArrayList<>();
    for (double t : thresholds(confidences)) {
      Posting posting = new Posting(t, Map.of(kind, new KindThreshold(t, true)), roundTrip);
      RealFixEvaluation.Report r = RealFixEvaluation.report(scored, posting);
      RealFixEvaluation.KindNumbers n = r.byKind().get(kind);
      int alarms = n.falseAfter() + n.falseRelease();
      points.add(
          new Point(
              t,
              1000.0 * alarms / scored.correctLines(),
              n.expressible() == 0 ? 0 : (double) n.exact() / n.expressible()));
    }
    return points;
  }

  private static List<Double> thresholds(List<Double> confidences) {
    TreeSet<Double> steps = new TreeSet<>();
    for (double c : confidences) {
      steps.add(Math.floor(c * 100) / 100);
    }
    steps.add(0.99);
    return new ArrayList<>(steps.descendingSet());
  }

  /** Writes {@code DIR/pr-KIND.svg}. */
  public static Path write(
      Path directory,
      String kind,
      List<Point> planted,
      List<Point> real,
      double threshold,
      boolean posted)
      throws IOException {
    Files.createDirectories(directory);
    double realMax = Math.max(2, real.stream().mapToDouble(Point::x).max().orElse(2));
    realMax = Math.min(realMax, 20);
    StringBuilder svg = new StringBuilder();
    svg.append(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"720\" height=\"320\""
            + " font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("<rect width=\"720\" height=\"320\" fill=\"white\"/>\n");
    svg.append(
        text(
            360,
            18,
            "middle",
            kind + " — shipped threshold " + f(threshold) + (posted ? "" : " (not posted)")));
    panel(svg, 60, "planted test windows", "recall", "precision", 1, planted, threshold, 1);
    panel(
        svg,
        420,
        "real-fix test set",
        "false alarms per 1,000 correct lines",
        "exact-fix recall (expressible)",
        realMax,
        real,
        threshold,
        1);
    svg.append("</svg>\n");
    Path file = directory.resolve("pr-" + kind + ".svg");
    Files.writeString(file, svg);
    return file;
  }

  private static void panel(
      StringBuilder svg,
      int left,
      String title,
      String xLabel,
      String yLabel,
      double xMax,
      List<Point> points,
      double threshold,
      double yMax) {
    int top = 40;
    int size = 240;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#888\"/>%n",
            left,
            top,
            size,
            size));
    svg.append(text(left + size / 2, top - 6, "middle", title));
    svg.append(text(left + size / 2, top + size + 30, "middle", xLabel));
    svg.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 %d %d)\">%s</text>%n",
            left - 36,
            top + size / 2,
            left - 36,
            top + size / 2,
            yLabel));
    for (int i = 0; i <= 4; i++) {
      double fx = xMax * i / 4;
      double fy = yMax * i / 4;
      svg.append(text(left + size * i / 4, top + size + 14, "middle", f(fx)));
      svg.append(text(left - 4, top + size - size * i / 4 + 4, "end", f(fy)));
    }
    if (points.isEmpty()) {
      svg.append(text(left + size / 2, top + size / 2, "middle", "no reports"));
      return;
    }
    StringBuilder path = new StringBuilder();
    Point dot = null;
    for (Point p : points) {
      double x = left + size * Math.min(p.x(), xMax) / xMax;
      double y = top + size - size * Math.min(p.y(), yMax) / yMax;
      path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      if (p.threshold() >= threshold) {
        dot = p;
      }
    }
    svg.append(
        String.format(
            "<polyline points=\"%s\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>%n",
            path.toString().strip()));
    if (dot != null) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#d62728\"/>%n",
              left + size * Math.min(dot.x(), xMax) / xMax,
              top + size - size * Math.min(dot.y(), yMax) / yMax));
    }
  }

  private static String text(int x, int y, String anchor, String s) {
    return String.format(
        "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>%n",
        x, y, anchor, s.replace("&", "&amp;").replace("<", "&lt;"));
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.2f", v);
  }
}
