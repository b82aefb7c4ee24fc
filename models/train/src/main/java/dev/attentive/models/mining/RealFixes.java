package dev.attentive.models.mining;

import com.github.javaparser.ast.CompilationUnit;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;

/** A {@link RealFix} from two versions of one file, when they differ in one statement only. */
public final class RealFixes {

  private RealFixes() {}

  public static Optional<RealFix> fromVersions(
      String source,
      String commit,
      String parent,
      String path,
      String message,
      String before,
      String after) {
    EditList edits = FixMiner.edits(before, after);
    if (edits.size() != 1 || !FixMiner.small(edits.get(0))) {
      return Optional.empty();
    }
    Optional<CompilationUnit> old = SingleStatementChange.parse(before);
    Optional<CompilationUnit> now = SingleStatementChange.parse(after);
    if (old.isEmpty() || now.isEmpty()) {
      return Optional.empty();
    }
    return fromEdit(
            source,
            commit,
            parent,
            path,
            message,
            before,
            after.lines().toList(),
            old.get(),
            now.get(),
            edits.get(0))
        // The record must rebuild the file after the change exactly (modulo a final newline).
        .filter(fix -> fix.after().strip().equals(after.strip()));
  }

  /**
   * One edit of two parsed versions of a file, when it lies in one statement; the record holds that
   * edit only, whatever other edits the two versions differ in.
   */
  static Optional<RealFix> fromEdit(
      String source,
      String commit,
      String parent,
      String path,
      String message,
      String before,
      List<String> afterLines,
      CompilationUnit old,
      CompilationUnit now,
      Edit e) {
    // Edit lines are 0-based, end exclusive. Lines inserted (or deleted) count as inside a
    // statement only when that statement spans both neighbours of the insertion point: a whole
    // statement added or removed is not a change of one statement.
    int beforeFrom = e.getLengthA() == 0 ? e.getBeginA() : e.getBeginA() + 1;
    int beforeTo = e.getLengthA() == 0 ? e.getBeginA() + 1 : e.getEndA();
    int afterFrom = e.getLengthB() == 0 ? e.getBeginB() : e.getBeginB() + 1;
    int afterTo = e.getLengthB() == 0 ? e.getBeginB() + 1 : e.getEndB();
    if (beforeFrom < 1 || afterFrom < 1) {
      return Optional.empty();
    }
    Optional<Integer> statement =
        SingleStatementChange.statementLine(old, now, beforeFrom, beforeTo, afterFrom, afterTo);
    if (statement.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RealFix(
            source,
            commit,
            parent,
            path,
            message == null ? "" : message.strip(),
            statement.get(),
            before,
            e.getBeginA() + 1,
            e.getLengthA(),
            afterLines.subList(e.getBeginB(), e.getEndB())));
  }
}
