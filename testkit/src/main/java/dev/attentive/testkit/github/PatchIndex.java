package dev.attentive.testkit.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of one file's patch as GitHub indexes them for review comments: each line's diff {@code
 * position} (1 = the line below the first {@code @@} header; later headers count too), its hunk,
 * and its LEFT (base) and RIGHT (head) line numbers. RIGHT lines are context and added lines, LEFT
 * lines are context and removed lines.
 */
final class PatchIndex {

  private static final Pattern HEADER =
      Pattern.compile("^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@.*");

  /**
   * One line below a hunk header. {@code oldLine}/{@code newLine} are 0 where the line has none.
   */
  record Entry(int position, int hunk, char kind, int oldLine, int newLine) {

    boolean onRight() {
      return kind != '-' && newLine > 0;
    }

    boolean onLeft() {
      return kind != '+' && oldLine > 0;
    }
  }

  private final List<String> lines;
  private final List<Entry> entries;

  /** Index in {@link #lines} of each hunk's header. */
  private final List<Integer> headers;

  private PatchIndex(List<String> lines, List<Entry> entries, List<Integer> headers) {
    this.lines = lines;
    this.entries = entries;
    this.headers = headers;
  }

  /** Indexes a files-API patch; a null patch (binary, too large) indexes no lines. */
  static PatchIndex of(String patch) {
    List<String> lines = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    List<Integer> headers = new ArrayList<>();
    if (patch == null) {
      return new PatchIndex(lines, entries, headers);
    }
    String[] raw = patch.split("\n", -1);
    int count = patch.endsWith("\n") ? raw.length - 1 : raw.length;
    int oldLine = 0;
    int newLine = 0;
    int position = 0;
    boolean started = false;
    for (int i = 0; i < count; i++) {
      String line = raw[i];
      lines.add(line);
      Matcher header = HEADER.matcher(line);
      if (header.matches()) {
        if (started) {
          position++; // later hunk headers take a position of their own
        }
        started = true;
        headers.add(lines.size() - 1);
        oldLine = Integer.parseInt(header.group(1));
        newLine = Integer.parseInt(header.group(2));
        continue;
      }
      if (!started) {
        continue; // git header lines before the first hunk
      }
      position++;
      char kind = line.isEmpty() ? ' ' : line.charAt(0);
      int hunk = headers.size() - 1;
      switch (kind) {
        case '+' -> entries.add(new Entry(position, hunk, '+', 0, newLine++));
        case '-' -> entries.add(new Entry(position, hunk, '-', oldLine++, 0));
        case '\\' ->
            entries.add(new Entry(position, hunk, '\\', 0, 0)); // "\ No newline at end of file"
        default -> entries.add(new Entry(position, hunk, ' ', oldLine++, newLine++));
      }
    }
    return new PatchIndex(List.copyOf(lines), List.copyOf(entries), List.copyOf(headers));
  }

  /** The entry for a line of the given side ({@code RIGHT} or {@code LEFT}). */
  Optional<Entry> line(String side, int line) {
    boolean left = "LEFT".equals(side);
    return entries.stream()
        .filter(e -> left ? e.onLeft() && e.oldLine() == line : e.onRight() && e.newLine() == line)
        .findFirst();
  }

  Optional<Entry> position(int position) {
    return entries.stream().filter(e -> e.position() == position && e.kind() != '\\').findFirst();
  }

  /**
   * GitHub's {@code diff_hunk} of a comment: the hunk's header and its lines down to the commented
   * one.
   */
  String diffHunk(Entry entry) {
    int header = headers.get(entry.hunk());
    int firstPosition =
        entries.stream()
            .filter(e -> e.hunk() == entry.hunk())
            .findFirst()
            .map(Entry::position)
            .orElse(entry.position());
    int last = header + 1 + (entry.position() - firstPosition);
    return String.join("\n", lines.subList(header, Math.min(lines.size(), last + 1)));
  }
}
