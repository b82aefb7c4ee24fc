package dev.attentive.local;

/**
 * Plausible Java source of a given size, with a style problem every few methods, for benchmarks.
 */
final class SyntheticJava {

  /**
   * For the reviewers of stacks fed with these files: the deployment enforces google-java-format
   * (as an operator may), so the badly formatted methods get its rewrites. Synthetic repositories
   * have no learned profile (no convention comments), the tests analyzer posts only tests verified
   * by running them (off here) and the model only what it is sure of; without this a review of
   * these files would have nothing to post, and the benchmarks nothing to count.
   */
  static final String ENFORCE_FORMATTER = "-Dattentive.reviewer.style.formatter=true";

  private SyntheticJava() {}

  /**
   * A class of about {@code lines} lines; {@code seed} varies names so each file's findings are
   * new.
   */
  static String source(String pkg, String className, int lines, int seed) {
    StringBuilder out = new StringBuilder();
    out.append("package ").append(pkg).append(";\n\n");
    out.append("import java.util.ArrayList;\nimport java.util.List;\n\n");
    out.append("/** Generated for benchmarks. */\n");
    out.append("public class ").append(className).append(" {\n");
    out.append("  private final List<Integer> values = new ArrayList<>();\n\n");
    int method = 0;
    while (out.toString().lines().count() < lines - 12) {
      String name = "compute" + seed + "x" + method;
      if (method % 5 == 3) {
        // Badly formatted on purpose: the style analyzer should have something to say.
        out.append("  public int ").append(name).append("(int limit){\n");
        out.append("    int total=0;\n");
        out.append(
            "    for (int i = 0; i < limit; i++) { if(values.size() > i){ total += values.get(i); } }\n");
      } else {
        out.append("  public int ").append(name).append("(int limit) {\n");
        out.append("    int total = 0;\n");
        out.append("    for (int i = 0; i < limit && i < values.size(); i++) {\n");
        out.append("      total += values.get(i) * ").append(method + 1).append(";\n");
        out.append("    }\n");
      }
      out.append("    return total;\n  }\n\n");
      method++;
    }
    out.append("  public void add(int value) {\n    values.add(value);\n  }\n}\n");
    return out.toString();
  }

  /** The patch of a new file with this content, as GitHub lists it. */
  static String newFilePatch(String source) {
    var lines = source.lines().toList();
    StringBuilder patch = new StringBuilder("@@ -0,0 +1," + lines.size() + " @@");
    for (String l : lines) {
      patch.append("\n+").append(l);
    }
    return patch.toString();
  }
}
