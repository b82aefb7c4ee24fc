package dev.attentive.reviewer.cli;

import dev.attentive.events.DiffLine;
import dev.attentive.events.Hunk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The head version of a file from its base version and hunks, checking every context and removed
 * line. A checkout that already holds the head version (the patch was applied) is recognised and
 * used as it is.
 */
public final class PatchApplier {

  private PatchApplier() {}

  /**
   * The file a diff names, inside the checkout. A diff is input like any other: a path that is
   * absolute, climbs out with {@code ..}, or passes through a symbolic link that leads out is
   * refused, so that reading a diff never reads a file outside {@code --repo}.
   *
   * @throws UnifiedDiff.DiffException naming the path
   */
  public static Path inCheckout(Path repo, String path) throws UnifiedDiff.DiffException {
    Path root = repo.toAbsolutePath().normalize();
    Path file;
    try {
      Path named = Path.of(path);
      file = root.resolve(named).normalize();
      if (named.isAbsolute() || !file.startsWith(root)) {
        throw outside(path, repo);
      }
    } catch (InvalidPathException e) {
      throw new UnifiedDiff.DiffException("the diff names an invalid path: " + e.getMessage());
    }
    if (Files.exists(file)) {
      try {
        if (!file.toRealPath().startsWith(root.toRealPath())) {
          throw outside(path, repo);
        }
      } catch (IOException e) {
        throw new UnifiedDiff.DiffException("cannot resolve " + path + ": " + e.getMessage());
      }
    }
    return file;
  }

  private static UnifiedDiff.DiffException outside(String path, Path repo) {
    return new UnifiedDiff.DiffException(
        "the diff names " + path + ", which is outside --repo " + repo + "; refused");
  }

  /**
   * @param path for messages
   * @param current the file as found in the checkout
   * @return the head version
   * @throws UnifiedDiff.DiffException naming the file, the hunk and the first line that does not
   *     match
   */
  public static String headVersion(String path, String current, List<Hunk> hunks)
      throws UnifiedDiff.DiffException {
    List<String> lines = current.lines().toList();
    String forward = mismatch(lines, hunks, true);
    if (forward == null) {
      return apply(lines, hunks, current.endsWith("\n"));
    }
    if (mismatch(lines, hunks, false) == null) {
      return current; // already applied
    }
    throw new UnifiedDiff.DiffException("patch does not apply to " + path + ": " + forward);
  }

  /** Null when every hunk matches the file on the given side, else what does not match. */
  private static String mismatch(List<String> file, List<Hunk> hunks, boolean oldSide) {
    for (int h = 0; h < hunks.size(); h++) {
      Hunk hunk = hunks.get(h);
      int start = oldSide ? hunk.oldStart() : hunk.newStart();
      if ((oldSide ? hunk.oldLines() : hunk.newLines()) == 0 && start > file.size()) {
        // A pure insertion names the line it follows; that line must exist.
        return String.format(
            "hunk %d inserts after line %d, past the end of the file (%d lines)",
            h + 1, start, file.size());
      }
      for (DiffLine line : hunk.lines()) {
        boolean onSide =
            oldSide ? line.kind() != DiffLine.Kind.ADDED : line.kind() != DiffLine.Kind.REMOVED;
        if (!onSide) {
          continue;
        }
        int number = oldSide ? line.oldLine() : line.newLine();
        String found = number >= 1 && number - 1 < file.size() ? file.get(number - 1) : null;
        if (!line.text().equals(found)) {
          return String.format(
              "hunk %d (@@ -%d,%d +%d,%d @@): line %d should be '%s' but is %s",
              h + 1,
              hunk.oldStart(),
              hunk.oldLines(),
              hunk.newStart(),
              hunk.newLines(),
              number,
              line.text(),
              found != null
                  ? "'" + found + "'"
                  : number < 1 ? "before the start of the file" : "past the end of the file");
        }
      }
    }
    return null;
  }

  private static String apply(List<String> base, List<Hunk> hunks, boolean endsWithNewline) {
    List<String> out = new ArrayList<>();
    int next = 1; // next base line to copy
    boolean newline = endsWithNewline;
    for (Hunk hunk : hunks) {
      int hunkStart = hunk.oldLines() == 0 ? hunk.oldStart() + 1 : hunk.oldStart();
      while (next < hunkStart) {
        out.add(base.get(next - 1));
        next++;
      }
      for (DiffLine line : hunk.lines()) {
        switch (line.kind()) {
          case CONTEXT -> {
            out.add(line.text());
            next++;
          }
          case REMOVED -> next++;
          case ADDED -> out.add(line.text());
        }
        if (line.noNewlineAtEnd() && line.kind() != DiffLine.Kind.REMOVED) {
          newline = false;
        } else if (line.kind() == DiffLine.Kind.ADDED) {
          newline = true;
        }
      }
    }
    while (next <= base.size()) {
      out.add(base.get(next - 1));
      next++;
    }
    return String.join("\n", out) + (newline && !out.isEmpty() ? "\n" : "");
  }
}
