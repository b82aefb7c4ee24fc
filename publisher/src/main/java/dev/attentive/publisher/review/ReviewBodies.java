package dev.attentive.publisher.review;

import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown GitHub shows: one body per inline comment and the review's summary body. Every body
 * ends with its hidden markers and stays within the configured length (GitHub refuses more than
 * 65,536 characters): what does not fit is cut, with a note saying so.
 */
public final class ReviewBodies {

  /** GitHub's limit for review and comment bodies. */
  public static final int GITHUB_MAX_BODY = 65_536;

  /** Longest message or note in the summary list (each stays one list item). */
  static final int MAX_ITEM_CHARS = 1_000;

  private static final int MIN_BODY = 2_000;

  /** A summary body and the fingerprints of the suggestions it lists (those that fit). */
  public record Summary(String body, List<String> listedFingerprints) {
    public Summary {
      listedFingerprints = List.copyOf(listedFingerprints);
    }
  }

  private final int maxChars;
  private final int maxInline;
  private final Markers markers;

  public ReviewBodies(int maxChars, int maxInline, Markers markers) {
    if (maxChars < MIN_BODY || maxChars > GITHUB_MAX_BODY) {
      throw new IllegalArgumentException(
          "max body length must be in " + MIN_BODY + ".." + GITHUB_MAX_BODY + ", was " + maxChars);
    }
    this.maxChars = maxChars;
    this.maxInline = maxInline;
    this.markers = markers;
  }

  // ---------------------------------------------------------------- inline comments

  /**
   * {@code **KIND** · `rule` · SEVERITY}, the message, a {@code suggestion} block with the
   * replacement when there is one, and the fingerprint marker last.
   */
  public String comment(Suggestion s) {
    String header =
        "**" + s.kind() + "** · " + MarkdownText.code(s.ruleId()) + " · " + s.severity();
    String message = MarkdownText.block(s.message()).strip();
    String block = s.replacement() == null ? "" : "\n\n" + suggestionBlock(s.replacement());
    String marker = "\n\n" + markers.fingerprint(Markers.fingerprintOf(s));
    String body = header + "\n\n" + message + block + marker;
    if (body.length() <= maxChars) {
      return body;
    }
    String note =
        "\n\n_(Truncated: GitHub limits a comment to " + number(maxChars) + " characters.)_";
    if (header.length() + block.length() + note.length() + marker.length() + 2 + 200 > maxChars) {
      // a replacement cut short would be wrong code: leave it out instead
      block = "";
      note =
          "\n\n_(Truncated: GitHub limits a comment to "
              + number(maxChars)
              + " characters; the suggested replacement did not fit.)_";
    }
    int room = maxChars - header.length() - 2 - block.length() - note.length() - marker.length();
    return header + "\n\n" + cut(message, room) + block + note + marker;
  }

  /**
   * A fenced {@code suggestion} block: the lines that replace the commented ones (none: they are
   * deleted). The fence is longer than any backtick run in the code.
   */
  static String suggestionBlock(String replacement) {
    String code =
        replacement.endsWith("\n")
            ? replacement.substring(0, replacement.length() - 1)
            : replacement;
    String fence = "```";
    while (code.contains(fence)) {
      fence += "`";
    }
    return fence + "suggestion\n" + code + (code.isEmpty() ? "" : "\n") + fence;
  }

  // ---------------------------------------------------------------- summary

  /**
   * The review body: what was reviewed, counts by kind, the suggestions not commented inline (with
   * their markers), the review's notes, and the delivery marker last.
   */
  /**
   * The one comment about a repository's {@code .attentive.yml} problems: what is wrong, that the
   * parts in question use their defaults, and the marker that keeps it from being posted again.
   */
  public String configProblems(dev.attentive.events.RepositorySettings settings, String marker) {
    String file = dev.attentive.events.RepositorySettings.FILE;
    StringBuilder body =
        new StringBuilder("### Attentive: ")
            .append(MarkdownText.code(file))
            .append(" has ")
            .append(
                settings.problems().size() == 1
                    ? "a problem"
                    : settings.problems().size() + " problems")
            .append("\n\n");
    String where = settings.source() == null ? file : settings.source();
    body.append("Attentive read ")
        .append(MarkdownText.code(where))
        .append(
            " (the default branch: a pull request cannot change its own review settings) and found:\n\n");
    for (String problem : settings.problems()) {
      String line = "- " + oneLine(problem) + "\n";
      if (body.length() + line.length() > maxChars - 1000) {
        body.append("- … and more\n");
        break;
      }
      body.append(line);
    }
    body.append(
            "\nThe settings in question use their **defaults** until the file is fixed on the default branch;"
                + " everything else in it applies, and reviews go on as usual. This is said once per set of problems.\n\n")
        .append(marker);
    return body.toString();
  }

  public Summary summary(Review review, ReviewPlan plan) {
    int cap = ReviewPlanner.cap(maxInline, review);
    List<Suggestion> all = plan.all();
    Map<Suggestion.Kind, Integer> counts = new EnumMap<>(Suggestion.Kind.class);
    for (Suggestion.Kind kind : Suggestion.Kind.values()) {
      counts.put(kind, 0);
    }
    all.forEach(s -> counts.merge(s.kind(), 1, Integer::sum));

    StringBuilder head = new StringBuilder();
    head.append("### Attentive reviewed ")
        .append(plural(review.filesReviewed(), "file"))
        .append(" at ")
        .append(MarkdownText.code(shortSha(review.headSha())))
        .append("\n\n");
    if (all.isEmpty()) {
      head.append("No new suggestions.");
    } else {
      head.append("**").append(plural(all.size(), "new suggestion")).append("**: ");
      List<String> byKind = new ArrayList<>();
      counts.forEach((kind, count) -> byKind.add(kind + " " + count));
      head.append(String.join(" · ", byKind))
          .append(" — ")
          .append(plan.inline().size())
          .append(" inline, ")
          .append(plan.summary().size())
          .append(" listed below.");
    }
    if (plan.repeats() > 0) {
      head.append("\n")
          .append(plural(plan.repeats(), "suggestion"))
          .append(plan.repeats() == 1 ? " was" : " were")
          .append(" already posted on this pull request and ")
          .append(plan.repeats() == 1 ? "is" : "are")
          .append(" not repeated.");
    }
    head.append(silenced(plan.silenced())).append(muted(plan.newlyMuted()));
    String footer = "\n\n" + markers.delivery(review.deliveryId());
    String omission = omitted(9_999_999);
    int room = maxChars - head.length() - footer.length();

    String notesTitle = "\n\n#### Notes";
    StringBuilder items = new StringBuilder();
    List<String> listed = new ArrayList<>();
    if (!plan.summary().isEmpty()) {
      String title = "\n\n#### Not commented inline";
      room -= title.length();
      items.append(title);
      // room left for the notes' title and their own omission line, so notes are never dropped
      // unannounced
      int reserve =
          omission.length()
              + (review.notes().isEmpty() ? 0 : notesTitle.length() + omission.length());
      int shown = 0;
      for (ReviewPlan.Listed l : plan.summary()) {
        String fp = Markers.fingerprintOf(l.suggestion());
        String line = "\n" + item(l, cap) + " " + markers.fingerprint(fp);
        if (line.length() > room - reserve) {
          break;
        }
        items.append(line);
        room -= line.length();
        listed.add(fp);
        shown++;
      }
      if (shown < plan.summary().size()) {
        String more = omitted(plan.summary().size() - shown);
        items.append(more);
        room -= more.length();
      }
    }

    StringBuilder notes = new StringBuilder();
    if (!review.notes().isEmpty()) {
      if (notesTitle.length() + omission.length() <= room) {
        notes.append(notesTitle);
        room -= notesTitle.length();
        int shown = 0;
        for (String note : review.notes()) {
          String line = "\n- " + oneLine(note);
          if (line.length() > room - omission.length()) {
            break;
          }
          notes.append(line);
          room -= line.length();
          shown++;
        }
        if (shown < review.notes().size()) {
          notes.append(omitted(review.notes().size() - shown));
        }
      }
    }
    return new Summary(head.toString() + items + notes + footer, listed);
  }

  /**
   * One line counting the suggestions of muted rules, which are not posted; empty when none. It
   * names no rule: which rules are muted and why is said once, when they are muted, and by {@code
   * /attentive why}.
   */
  private static String silenced(List<Suggestion> silenced) {
    if (silenced.isEmpty()) {
      return "";
    }
    return "\n"
        + plural(silenced.size(), "suggestion")
        + " of rules muted in this repository "
        + (silenced.size() == 1 ? "was" : "were")
        + " not posted (`/attentive why` lists the muted rules).";
  }

  /**
   * Says once that the bar muted rules, with the team's numbers and how to turn each back on; empty
   * when none was muted since the last announcement.
   */
  private static String muted(List<ReviewPlan.Muted> muted) {
    if (muted.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\n\n#### Muted in this repository");
    for (ReviewPlan.Muted m : muted) {
      RepositoryLearning.RuleStats stats = m.stats();
      text.append("\n- ")
          .append(MarkdownText.code(cut(m.ruleId(), 200)))
          .append(": the team rejected it ")
          .append(times(stats.rejected()))
          .append(" and accepted it ")
          .append(times(stats.accepted()))
          .append(String.format(Locale.ROOT, " (acceptance %.0f%%)", 100 * stats.acceptance()))
          .append(", so Attentive no longer posts it here. To turn it back on, comment ")
          .append(MarkdownText.code("/attentive unignore " + cut(m.ruleId(), 200)))
          .append(".");
    }
    return text.toString();
  }

  private static String times(int count) {
    return count == 1 ? "once" : number(count) + " times";
  }

  /** {@code - `path:12-14` **STYLE** `rule` (WARNING): message — why}. */
  private String item(ReviewPlan.Listed listed, int cap) {
    Suggestion s = listed.suggestion();
    String lines =
        s.startLine() == s.endLine()
            ? String.valueOf(s.startLine())
            : s.startLine() + "-" + s.endLine();
    return "- "
        + MarkdownText.code(s.path() + ":" + lines)
        + " **"
        + s.kind()
        + "** "
        + MarkdownText.code(s.ruleId())
        + " ("
        + s.severity()
        + "): "
        + oneLine(s.message())
        + " — "
        + why(listed.why(), cap);
  }

  private String why(ReviewPlan.Why why, int cap) {
    return switch (why) {
      case OUTSIDE_DIFF -> "not on lines of the diff";
      case OVER_LIMIT -> "over the limit of " + cap + " inline comments";
      case REFUSED_INLINE -> "GitHub refused it as an inline comment";
    };
  }

  private String omitted(int count) {
    return "\n- … and "
        + number(count)
        + " more, not shown: GitHub limits a review body to "
        + number(maxChars)
        + " characters.";
  }

  /**
   * One list item's text: on one line, made safe ({@link MarkdownText#oneLine}), at most {@link
   * #MAX_ITEM_CHARS}.
   */
  private static String oneLine(String text) {
    return cut(MarkdownText.oneLine(text), MAX_ITEM_CHARS);
  }

  /**
   * The text, or its start with "…" so that it is at most {@code room} characters (no split
   * surrogate pair).
   */
  static String cut(String text, int room) {
    if (text.length() <= room) {
      return text;
    }
    if (room <= 1) {
      return room == 1 ? "…" : "";
    }
    int end = room - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  static String shortSha(String sha) {
    return sha == null ? "unknown" : sha.length() > 7 ? sha.substring(0, 7) : sha;
  }

  private static String plural(int count, String noun) {
    return number(count) + " " + noun + (count == 1 ? "" : "s");
  }

  private static String number(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
