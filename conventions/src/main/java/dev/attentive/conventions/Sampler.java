package dev.attentive.conventions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Chooses which files of a tree a profile reads, deterministically: the same tree gives the same
 * sample on every run and machine, so a profile can be reproduced and compared. Java files are
 * ordered by the SHA-256 of their path (which spreads the sample over all modules and packages,
 * tests included) and taken until the budget is spent; generated, vendored and build-output trees
 * are never sampled.
 */
public final class Sampler {

  /** Paths that hold code the team did not write by hand. */
  static final Pattern NOT_THE_TEAMS =
      Pattern.compile(
          "(^|/)(target|build|out|bin|generated|generated-sources|generated-test-sources|gen|"
              + "vendor|vendored|third[-_]?party|external|node_modules|\\.[^/]+)/",
          Pattern.CASE_INSENSITIVE);

  /** Files that say which style tools the repository uses (see {@link ToolDetector}). */
  static final Pattern TOOL_FILE =
      Pattern.compile(
          "^(pom\\.xml|build\\.gradle(\\.kts)?|\\.editorconfig|([^/]+/){0,3}[^/]*checkstyle[^/]*\\.xml)$",
          Pattern.CASE_INSENSITIVE);

  private final SampleBudget budget;

  public Sampler(SampleBudget budget) {
    this.budget = budget;
  }

  /**
   * @param javaFiles Java files in the tree (after the exclusions)
   * @param java the sampled Java files, in reading order
   * @param tools the build and tool files to read
   */
  public record Sample(int javaFiles, List<TreeEntry> java, List<TreeEntry> tools) {}

  public Sample choose(List<TreeEntry> tree) {
    List<TreeEntry> candidates = new ArrayList<>();
    List<TreeEntry> tools = new ArrayList<>();
    for (TreeEntry e : tree) {
      String path = e.path();
      if (TOOL_FILE.matcher(path).matches() && e.size() <= budget.maxFileBytes()) {
        tools.add(e);
      }
      if (!path.toLowerCase(Locale.ROOT).endsWith(".java")
          || NOT_THE_TEAMS.matcher(path).find()
          || path.endsWith("package-info.java")
          || path.endsWith("module-info.java")) {
        continue;
      }
      candidates.add(e);
    }
    candidates.sort(
        Comparator.comparing((TreeEntry e) -> hash(e.path())).thenComparing(TreeEntry::path));
    List<TreeEntry> chosen = new ArrayList<>();
    long bytes = 0;
    for (TreeEntry e : candidates) {
      if (chosen.size() >= budget.maxFiles()) {
        break;
      }
      if (e.size() > budget.maxFileBytes() || bytes + e.size() > budget.maxBytes()) {
        continue;
      }
      chosen.add(e);
      bytes += e.size();
    }
    tools.sort(
        Comparator.comparingInt((TreeEntry e) -> depth(e.path())).thenComparing(TreeEntry::path));
    return new Sample(
        candidates.size(),
        List.copyOf(chosen),
        List.copyOf(tools.subList(0, Math.min(tools.size(), budget.maxToolFiles()))));
  }

  private static int depth(String path) {
    return (int) path.chars().filter(c -> c == '/').count();
  }

  private static String hash(String path) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
