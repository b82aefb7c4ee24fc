package dev.attentive.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code patch} field of GitHub's "list pull request files" API (the hunks of one file's
 * unified diff, optionally preceded by git's header lines) into {@link Hunk}s with per-line old/new
 * line numbers.
 *
 * <p>Hand-written because java-diff-utils' unified-diff reader loses the interleaving of context
 * and change lines and the per-line numbers we need to anchor review comments.
 */
public final class PatchParser {

  private static final Pattern HUNK_HEADER =
      Pattern.compile("@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@(?: (.*))?", Pattern.DOTALL);

  /**
   * Git header lines tolerated before the first hunk, so a full single-file git diff parses too.
   */
  private static final List<String> GIT_HEADERS =
      List.of(
          "diff --git ",
          "index ",
          "--- ",
          "+++ ",
          "old mode ",
          "new mode ",
          "similarity index ",
          "rename from ",
          "rename to ",
          "new file mode ",
          "deleted file mode ",
          "Binary files ");

  /**
   * A patch that is not a well-formed sequence of hunks; the message names the hunk and patch line
   * (1-based).
   */
  public static final class PatchParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PatchParseException(int hunk, int line, String problem) {
      super("hunk " + hunk + ", line " + line + ": " + problem);
    }
  }

  private PatchParser() {}

  public static List<Hunk> parse(String patch) {
    if (patch == null || patch.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(Arrays.asList(patch.split("\n", -1)));
    if (patch.endsWith("\n")) {
      lines.remove(
          lines.size() - 1); // a final newline ends the last line, it does not start another
    }
    // Line endings: only when EVERY line ends with '\r' (a CRLF patch; the last line's '\n' may be
    // missing)
    // is exactly one '\r' stripped from each line. With mixed endings a '\r' belongs to the file's
    // content
    // and is kept in the line's text.
    if (lines.stream().allMatch(l -> l.endsWith("\r"))) {
      lines.replaceAll(l -> l.substring(0, l.length() - 1));
    }

    int i = 0;
    for (; i < lines.size() && !lines.get(i).startsWith("@@"); i++) {
      String line = lines.get(i);
      if (GIT_HEADERS.stream().noneMatch(line::startsWith)) {
        throw new PatchParseException(
            1, i + 1, "expected a hunk header '@@ -a,b +c,d @@' but found " + quote(line));
      }
    }
    List<Hunk> hunks = new ArrayList<>();
    while (i < lines.size()) {
      i = parseHunk(lines, i, hunks.size() + 1, hunks);
    }
    return hunks;
  }

  /**
   * Parses the hunk whose header is at {@code start}, adds it to {@code out}, returns the index
   * after it.
   */
  private static int parseHunk(List<String> lines, int start, int number, List<Hunk> out) {
    String header = lines.get(start);
    Matcher m =
        HUNK_HEADER.matcher(
            header.endsWith("\r") ? header.substring(0, header.length() - 1) : header);
    if (!m.matches()) {
      throw new PatchParseException(number, start + 1, "malformed hunk header " + quote(header));
    }
    int oldStart = toInt(m.group(1), number, start);
    int oldLines = m.group(2) == null ? 1 : toInt(m.group(2), number, start);
    int newStart = toInt(m.group(3), number, start);
    int newLines = m.group(4) == null ? 1 : toInt(m.group(4), number, start);

    int oldLine = oldStart;
    int newLine = newStart;
    List<DiffLine> body = new ArrayList<>();
    int i = start + 1;
    for (; i < lines.size() && !lines.get(i).startsWith("@@"); i++) {
      String line = lines.get(i);
      // An entirely empty line is an empty context line whose leading space was stripped by some
      // tool.
      char marker = line.isEmpty() ? ' ' : line.charAt(0);
      String text = line.isEmpty() ? "" : line.substring(1);
      boolean oldFull = oldLine - oldStart >= oldLines;
      boolean newFull = newLine - newStart >= newLines;
      switch (marker) {
        case ' ' -> {
          requireRoom(oldFull || newFull, number, i, header);
          body.add(DiffLine.context(oldLine++, newLine++, text));
        }
        case '+' -> {
          requireRoom(newFull, number, i, header);
          body.add(DiffLine.added(newLine++, text));
        }
        case '-' -> {
          requireRoom(oldFull, number, i, header);
          body.add(DiffLine.removed(oldLine++, text));
        }
        case '\\' -> {
          if (body.isEmpty()) {
            throw new PatchParseException(
                number, i + 1, quote(line) + " does not follow a diff line");
          }
          body.set(body.size() - 1, body.get(body.size() - 1).withNoNewlineAtEnd());
        }
        default ->
            throw new PatchParseException(
                number,
                i + 1,
                "line starts with "
                    + quote(String.valueOf(marker))
                    + ", expected ' ', '+', '-' or '\\'");
      }
    }
    int oldMissing = oldLines - (oldLine - oldStart);
    int newMissing = newLines - (newLine - newStart);
    if (oldMissing > 0 || newMissing > 0) {
      throw new PatchParseException(
          number,
          i,
          "hunk body ends early: header "
              + quote(header)
              + " expects "
              + oldMissing
              + " more old and "
              + newMissing
              + " more new line(s)");
    }
    out.add(new Hunk(oldStart, oldLines, newStart, newLines, m.group(5), body));
    return i;
  }

  private static void requireRoom(boolean full, int hunk, int index, String header) {
    if (full) {
      throw new PatchParseException(
          hunk, index + 1, "more lines than header " + quote(header) + " counts");
    }
  }

  private static int toInt(String digits, int hunk, int index) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new PatchParseException(
          hunk, index + 1, "number out of range in hunk header: " + digits);
    }
  }

  private static String quote(String s) {
    return "'" + (s.length() > 60 ? s.substring(0, 60) + "..." : s) + "'";
  }
}
