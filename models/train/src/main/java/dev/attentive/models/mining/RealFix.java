package dev.attentive.models.mining;

import java.util.ArrayList;
import java.util.List;

/**
 * One real single-statement change, with where it came from: the file before the change and the
 * lines that replaced {@code removedLines} lines starting at {@code line} (1-based, in the file
 * before). A bug fix mined from a commit, or a change between two releases.
 *
 * @param source {@code owner/name} of the repository, or {@code group:artifact} for releases
 * @param commit the fixing commit (or the newer release's version)
 * @param parent the commit before it (or the older release's version)
 * @param path the file's path in the repository (or in the sources jar)
 * @param message the commit message's first line (empty for releases)
 * @param statementLine the first line (in the file before) of the statement the change lies in
 * @param before the whole file before the change
 * @param line first changed line in {@code before}, 1-based (for an insertion, the line before
 *     which the added lines go)
 * @param removedLines how many lines of {@code before} the change replaces (0: an insertion)
 * @param added the lines that replace them
 */
public record RealFix(
    String source,
    String commit,
    String parent,
    String path,
    String message,
    int statementLine,
    String before,
    int line,
    int removedLines,
    List<String> added) {

  public RealFix {
    added = List.copyOf(added);
  }

  /** The lines of the file before the change. */
  public List<String> beforeLines() {
    return before.lines().toList();
  }

  /** The lines {@code removedLines} replaced, as they were. */
  public List<String> removed() {
    return beforeLines().subList(line - 1, line - 1 + removedLines);
  }

  /** The whole file after the change. */
  public String after() {
    List<String> lines = new ArrayList<>(beforeLines());
    List<String> window = lines.subList(line - 1, line - 1 + removedLines);
    window.clear();
    window.addAll(added);
    return String.join("\n", lines) + "\n";
  }
}
