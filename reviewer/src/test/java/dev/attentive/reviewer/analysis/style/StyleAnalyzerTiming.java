package dev.attentive.reviewer.analysis.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.reviewer.analysis.Chunks;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Rough cost of the style analyzer on a ~300-line Java file: printed, never asserted. Run on its
 * own for cold-JVM numbers (classpath as for the tests, plus the --add-exports flags of {@link
 * StyleAnalyzer}): {@code java ... dev.attentive.reviewer.analysis.style.StyleAnalyzerTiming}.
 */
class StyleAnalyzerTiming {

  /** A plausible class of about {@code lines} lines, every fourth method badly formatted. */
  static String source(int lines) {
    StringBuilder out =
        new StringBuilder(
            "package com.acme.bench;\n\nimport java.util.ArrayList;\n"
                + "import java.util.List;\n\n/** Generated for timing. */\npublic class Generated {\n"
                + "  private final List<Integer> values = new ArrayList<>();\n");
    for (int m = 0; out.toString().lines().count() < lines - 6; m++) {
      out.append("\n  /** Sums the first values. */\n");
      if (m % 4 == 3) {
        out.append("  public int compute")
            .append(m)
            .append("(int limit){\n")
            .append("    int total=0;\n")
            .append(
                "    for (int i = 0; i < limit; i++) { if(values.size() > i){ total += values.get(i); } }\n");
      } else {
        out.append("  public int compute")
            .append(m)
            .append("(int limit) {\n")
            .append("    int total = 0;\n")
            .append("    for (int i = 0; i < limit && i < values.size(); i++) {\n")
            .append("      total += values.get(i) * ")
            .append(m + 1)
            .append(";\n")
            .append("    }\n");
      }
      out.append("    return total;\n  }\n");
    }
    return out.append(
            "\n  /** Adds a value. */\n  public void add(int value) {\n    values.add(value);\n  }\n}\n")
        .toString();
  }

  /** Construction, first call and the median warm call, in milliseconds. */
  static String measure() throws Exception {
    String source = source(300);
    PullRequestDiffChunk chunk =
        Chunks.newFile("src/main/java/com/acme/bench/Generated.java", source);
    long t0 = System.nanoTime();
    StyleAnalyzer analyzer = new StyleAnalyzer(StyleConfig.defaults());
    long t1 = System.nanoTime();
    int found = analyzer.analyze(chunk).size();
    long t2 = System.nanoTime();
    double[] warm = new double[30];
    for (int i = 0; i < warm.length; i++) {
      long s = System.nanoTime();
      analyzer.analyze(chunk);
      warm[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(warm);
    assertThat(found).isPositive();
    return String.format(
        "StyleAnalyzer on a %d-line Java file (%d suggestions): construct %.0f ms, first analyze()"
            + " %.0f ms, warm analyze() median %.1f ms (min %.1f, max %.1f, %d runs)",
        source.lines().count(),
        found,
        (t1 - t0) / 1e6,
        (t2 - t1) / 1e6,
        warm[warm.length / 2],
        warm[0],
        warm[warm.length - 1],
        warm.length);
  }

  /**
   * About {@code lines} lines of badly spaced methods: hundreds of violations, the worst case for
   * Checkstyle.
   */
  static String badlySpaced(int lines) {
    StringBuilder out =
        new StringBuilder(
            "package com.acme.bench;\n\n/** Generated for timing. */\n"
                + "public class Ugly {\n  private int v;\n");
    for (int m = 0; out.toString().lines().count() < lines - 3; m++) {
      out.append("\n  /** M. */\n  public int m")
          .append(m)
          .append("(int a){\n    int b=a+1;\n")
          .append("    if(b>2){ b=b*2; }\n    return b+v;\n  }\n");
    }
    return out.append("}\n").toString();
  }

  /** One warm analyze() of a badly spaced 1,000-line new file, in milliseconds. */
  static String measureWorstCase() throws Exception {
    String source = badlySpaced(1000);
    PullRequestDiffChunk chunk = Chunks.newFile("src/main/java/com/acme/bench/Ugly.java", source);
    StyleAnalyzer analyzer = new StyleAnalyzer(StyleConfig.defaults());
    analyzer.analyze(chunk);
    long s = System.nanoTime();
    int found = analyzer.analyze(chunk).size();
    return String.format(
        "StyleAnalyzer on a badly spaced %d-line Java file (%d suggestions): warm analyze() %.0f ms",
        source.lines().count(), found, (System.nanoTime() - s) / 1e6);
  }

  @Test
  void printTiming() throws Exception {
    String line = measure() + "\n" + measureWorstCase();
    System.out.println(line);
    System.err.println(line);
  }

  public static void main(String[] args) throws Exception {
    System.out.println(measure());
    System.out.println(measureWorstCase());
  }
}
