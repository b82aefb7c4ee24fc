package dev.attentive.ingest.activity;

import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositoryLearning.RuleStats;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The answer to {@code /attentive why}: what Attentive learned about a repository, in Markdown —
 * per rule accepted / rejected / acceptance, what is muted and why (the bar, or a command and by
 * whom) and how to turn it back on, and the model kinds' thresholds here.
 */
public final class LearningReport {

  private LearningReport() {}

  public static String why(RepositoryLearning learning, String prefix) {
    String repository = learning.repository();
    if (learning.rules().isEmpty()
        && learning.ignored().isEmpty()
        && learning.kindThresholds().isEmpty()) {
      return "Attentive has not learned anything about "
          + repository
          + " yet: it learns from what happens to its comments (applied, fixed, 👍 / 👎, resolved"
          + " without change, ignored at merge) and from `"
          + prefix
          + " ignore <rule>`.";
    }
    StringBuilder out = new StringBuilder();
    out.append("What Attentive has learned about ").append(repository).append(":\n\n");
    if (!learning.rules().isEmpty()) {
      out.append("| rule | accepted | rejected | acceptance | inline comments |\n")
          .append("|---|---:|---:|---:|---|\n");
      for (Map.Entry<String, RuleStats> rule : new TreeMap<>(learning.rules()).entrySet()) {
        RuleStats stats = rule.getValue();
        out.append("| `")
            .append(rule.getKey())
            .append("` | ")
            .append(stats.accepted())
            .append(" | ")
            .append(stats.rejected())
            .append(" | ")
            .append(String.format(Locale.ROOT, "%.0f %%", 100 * stats.acceptance()))
            .append(" | ")
            .append(learning.silenced(rule.getKey()) ? "muted" : "posted")
            .append(" |\n");
      }
      out.append('\n');
    }
    TreeSet<String> muted = new TreeSet<>(learning.ignored().keySet());
    learning
        .rules()
        .forEach(
            (id, stats) -> {
              if (stats.muted()) {
                muted.add(id);
              }
            });
    if (muted.isEmpty()) {
      out.append("Nothing is muted here.\n\n");
    } else {
      out.append("Muted (not posted inline):\n\n");
      for (String rule : muted) {
        out.append("- `").append(rule).append("`: ");
        String by = learning.ignored().get(rule);
        RuleStats stats = learning.rules().get(rule);
        if (by != null) {
          out.append("`").append(prefix).append(" ignore` by @").append(by);
        } else {
          out.append("the team kept rejecting it (")
              .append(stats.rejected())
              .append(" rejected, ")
              .append(String.format(Locale.ROOT, "%.0f %%", 100 * stats.acceptance()))
              .append(" acceptance)");
          if (stats.mutedAt() != null) {
            out.append(", since ").append(stats.mutedAt());
          }
        }
        out.append(". `")
            .append(prefix)
            .append(" unignore ")
            .append(rule)
            .append("` turns it back on.\n");
      }
      out.append('\n');
    }
    if (!learning.kindThresholds().isEmpty()) {
      out.append("The model's thresholds here (kinds not listed use the global one):\n\n")
          .append("| kind | threshold |\n|---|---:|\n");
      new TreeMap<>(learning.kindThresholds())
          .forEach(
              (kind, threshold) ->
                  out.append("| `")
                      .append(kind)
                      .append("` | ")
                      .append(String.format(Locale.ROOT, "%.3f", threshold))
                      .append(" |\n"));
    }
    return out.toString().stripTrailing() + "\n";
  }
}
