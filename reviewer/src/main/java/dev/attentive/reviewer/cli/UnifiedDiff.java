package dev.attentive.reviewer.cli;

import dev.attentive.events.FileStatus;
import dev.attentive.events.Hunk;
import dev.attentive.events.PatchParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-file unified diff ({@code git diff}, {@code git format-patch}, {@code diff -u}) split
 * into one patch per file; each file's hunks are parsed by {@link PatchParser}.
 */
public final class UnifiedDiff {

  /**
   * One file of the diff; {@code oldPath} is null for a new file, {@code newPath} null for a
   * deleted one.
   */
  public record FilePatch(
      String oldPath, String newPath, FileStatus status, boolean binary, List<Hunk> hunks) {

    public String path() {
      return newPath != null ? newPath : oldPath;
    }
  }

  /** The diff could not be read; the message names the file and hunk. */
  public static final class DiffException extends Exception {
    public DiffException(String message) {
      super(message);
    }
  }

  private UnifiedDiff() {}

  public static List<FilePatch> parse(String text) throws DiffException {
    List<String> lines = text.lines().toList();
    List<FilePatch> files = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      if (!startsFile(lines, i)) {
        i++; // commit message, email headers, "index" noise between files
        continue;
      }
      int start = i;
      i++;
      while (i < lines.size() && !startsFile(lines, i)) {
        i++;
      }
      files.add(file(lines.subList(start, i)));
    }
    if (files.isEmpty()) {
      throw new DiffException(
          "no file diffs found (expected 'diff --git' or '--- a/…' / '+++ b/…' lines)");
    }
    return files;
  }

  private static boolean startsFile(List<String> lines, int i) {
    String line = lines.get(i);
    if (line.startsWith("diff --git ")) {
      return true;
    }
    // "diff -ruN a/X b/X" (a recursive plain diff) heads each file's "--- "/"+++ " pair.
    if (line.startsWith("diff ")
        && i + 2 < lines.size()
        && lines.get(i + 1).startsWith("--- ")
        && lines.get(i + 2).startsWith("+++ ")) {
      return true;
    }
    // A plain "diff -u" file starts at "--- " followed by "+++ ", unless a "diff" header already
    // started it.
    return line.startsWith("--- ")
        && i + 1 < lines.size()
        && lines.get(i + 1).startsWith("+++ ")
        && (i == 0 || !isGitHeader(lines, i));
  }

  private static boolean isGitHeader(List<String> lines, int i) {
    for (int j = i - 1; j >= 0; j--) {
      String l = lines.get(j);
      if (l.startsWith("diff ")) {
        return true;
      }
      if (l.startsWith("@@") || l.startsWith("+") || l.startsWith(" ") || l.startsWith("-")) {
        return false;
      }
    }
    return false;
  }

  private static FilePatch file(List<String> lines) throws DiffException {
    String oldPath = null;
    String newPath = null;
    boolean binary = false;
    boolean renamed = false;
    int firstHunk = -1;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.startsWith("@@")) {
        firstHunk = i;
        break;
      }
      if (l.startsWith("diff --git ")) {
        String[] parts = l.substring("diff --git ".length()).split(" b/", 2);
        oldPath = strip(parts[0]);
        newPath = parts.length > 1 ? parts[1] : oldPath;
      } else if (l.startsWith("--- ")) {
        oldPath = path(l.substring(4));
      } else if (l.startsWith("+++ ")) {
        newPath = path(l.substring(4));
      } else if (l.startsWith("rename from ")) {
        oldPath = l.substring("rename from ".length());
        renamed = true;
      } else if (l.startsWith("rename to ")) {
        newPath = l.substring("rename to ".length());
        renamed = true;
      } else if (l.startsWith("new file mode")) {
        oldPath = null;
      } else if (l.startsWith("deleted file mode")) {
        newPath = null;
      } else if (l.startsWith("Binary files ") || l.startsWith("GIT binary patch")) {
        binary = true;
      }
    }
    String name = newPath != null ? newPath : oldPath;
    if (name == null) {
      throw new DiffException("a file diff names no file: '" + lines.get(0) + "'");
    }
    List<Hunk> hunks = List.of();
    if (firstHunk >= 0) {
      String body = String.join("\n", trimTrailer(lines.subList(firstHunk, lines.size())));
      try {
        hunks = PatchParser.parse(body);
      } catch (PatchParser.PatchParseException e) {
        throw new DiffException(name + ": " + e.getMessage());
      }
    }
    FileStatus status =
        oldPath == null
            ? FileStatus.ADDED
            : newPath == null
                ? FileStatus.REMOVED
                : renamed || !oldPath.equals(newPath) ? FileStatus.RENAMED : FileStatus.MODIFIED;
    return new FilePatch(oldPath, newPath, status, binary, hunks);
  }

  /** {@code git format-patch} ends with "-- " and a version line; those are not diff lines. */
  private static List<String> trimTrailer(List<String> lines) {
    int end = lines.size();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).equals("-- ")) {
        end = i;
        break;
      }
    }
    return lines.subList(0, end);
  }

  private static String path(String header) {
    String p = header.split("\t", 2)[0].strip();
    return p.equals("/dev/null") ? null : strip(p);
  }

  private static String strip(String p) {
    return p.startsWith("a/") || p.startsWith("b/") ? p.substring(2) : p;
  }
}
