package dev.attentive.publisher.review;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place text from outside (file paths, rule ids, messages, notes, settings problems: all of
 * it can come from the pull request) is made safe for the bodies the publisher posts. Nothing put
 * through here can open an HTML comment (so no hidden text, no marker), open raw HTML, end a code
 * span early, or make a Markdown link or image. (A bare URL is still linked by GitHub, as it shows
 * where it leads.)
 */
public final class MarkdownText {

  private static final String ZERO_WIDTH_SPACE = "\u200B";

  /**
   * The HTML the reviewer itself writes in messages (generated tests fold away in a {@code
   * <details>}): these exact tags, without attributes, are left as they are in {@link #block}.
   */
  private static final List<String> ALLOWED_TAGS =
      List.of("<details>", "</details>", "<summary>", "</summary>");

  /** A fenced code block's opening line (CommonMark: up to three spaces, then ``` or ~~~). */
  private static final Pattern FENCE_OPENING = Pattern.compile("^ {0,3}(`{3,}(?=[^`]*$)|~{3,})");

  private MarkdownText() {}

  /** Text for one line of a list or a heading: line breaks become spaces, then {@link #inline}. */
  public static String oneLine(String text) {
    return inline(text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " "));
  }

  /**
   * Markdown text: {@code <} as {@code &lt;} (no HTML, no comment, no {@code <url>} autolink),
   * backslashes and square brackets escaped with a backslash (no link or image). Code spans the
   * text opens and closes itself (analyzers write {@code `x` may be null}) stay code spans, with
   * any HTML comment opener or closer in them split as in {@link #code}; a backtick without its
   * closing run is escaped, so it cannot open a span that swallows what follows. GitHub shows the
   * characters themselves.
   */
  public static String inline(String text) {
    return inline(text, List.of());
  }

  /**
   * A message of several lines: fenced code blocks are kept (only HTML comment openers and closers
   * in them are split, as in {@link #code}; one left open is closed at the end, so it cannot take
   * in what follows), every other line as {@link #inline}, except that the reviewer's own {@code
   * <details>} and {@code <summary>} tags stay.
   */
  public static String block(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    String fence = null;
    for (String line : text.split("\n", -1)) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      if (fence != null) {
        out.append(defuse(line));
        if (closes(line, fence)) {
          fence = null;
        }
        continue;
      }
      Matcher opening = FENCE_OPENING.matcher(line);
      if (opening.find()) {
        fence = opening.group(1);
        out.append(defuse(line));
      } else {
        out.append(inline(line, ALLOWED_TAGS));
      }
    }
    if (fence != null) {
      out.append('\n').append(fence);
    }
    return out.toString();
  }

  /**
   * An inline code span showing {@code text} on one line: fenced by one backtick more than the
   * longest run inside (padded with a space where the text starts or ends with one), so it cannot
   * be closed early. A code span shows its content as it is, so an HTML comment opener or closer in
   * it is split with a zero-width space: the body then holds no {@code <!--} that a reader of
   * markers could take for ours.
   */
  public static String code(String text) {
    String content = text == null ? "" : defuse(text.replaceAll("\\R", " "));
    int longest = 0;
    int run = 0;
    for (int i = 0; i < content.length(); i++) {
      run = content.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = content.startsWith("`") || content.endsWith("`");
    String padding = pad ? " " : "";
    return fence + padding + content + padding + fence;
  }

  private static String inline(String text, List<String> allowedTags) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '`') {
        int run = runAt(text, i);
        int close = closingRun(text, i + run, run);
        if (close < 0) {
          out.append("\\`".repeat(run));
        } else {
          out.append(text, i, i + run)
              .append(defuse(text.substring(i + run, close)))
              .append(text, close, close + run);
          i = close;
        }
        i += run;
        continue;
      }
      if (c == '<') {
        String tag = allowed(text, i, allowedTags);
        if (tag != null) {
          out.append(tag);
          i += tag.length();
          continue;
        }
      }
      switch (c) {
        case '<' -> out.append("&lt;");
        case '\\', '[', ']' -> out.append('\\').append(c);
        default -> out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  private static String allowed(String text, int at, List<String> tags) {
    for (String tag : tags) {
      if (text.startsWith(tag, at)) {
        return tag;
      }
    }
    return null;
  }

  /** Whether the line closes a fenced block opened with {@code fence}. */
  private static boolean closes(String line, String fence) {
    String stripped = line.strip();
    return line.length() - line.stripLeading().length() <= 3
        && stripped.length() >= fence.length()
        && stripped.chars().allMatch(ch -> ch == fence.charAt(0));
  }

  /** The length of the backtick run starting at {@code at}. */
  private static int runAt(String text, int at) {
    int end = at;
    while (end < text.length() && text.charAt(end) == '`') {
      end++;
    }
    return end - at;
  }

  /** Where the next run of exactly {@code length} backticks starts, or -1 (CommonMark's rule). */
  private static int closingRun(String text, int from, int length) {
    int i = from;
    while (i < text.length()) {
      if (text.charAt(i) == '`') {
        int run = runAt(text, i);
        if (run == length) {
          return i;
        }
        i += run;
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * Splits HTML comment openers and closers with a zero-width space: shown the same, never read.
   */
  private static String defuse(String code) {
    return code.replace("<!--", "<!-" + ZERO_WIDTH_SPACE + "-")
        .replace("-->", "--" + ZERO_WIDTH_SPACE + ">");
  }
}
