package dev.attentive.local;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.attentive.conventions.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The line diff of one file between two releases, as a pull request would show it: the new side's
 * inserted and changed lines are what the reviewer may comment on, the old side's deleted and
 * changed lines are what was removed.
 */
final class LineDiff {

  private LineDiff() {}

  /** Lines are split as {@link dev.attentive.conventions.JavaSource} splits them. */
  static Changes changes(String oldText, String newText) {
    List<String> before = oldText.lines().toList();
    List<String> after = newText.lines().toList();
    TreeSet<Integer> added = new TreeSet<>();
    List<String> removed = new ArrayList<>();
    for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
      if (delta.getType() == DeltaType.EQUAL) {
        continue;
      }
      removed.addAll(delta.getSource().getLines());
      int first = delta.getTarget().getPosition() + 1;
      for (int i = 0; i < delta.getTarget().size(); i++) {
        added.add(first + i);
      }
    }
    return new Changes(added, removed);
  }

  /** A new file: every line added. */
  static Changes allAdded(String text) {
    TreeSet<Integer> added = new TreeSet<>();
    int n = (int) text.lines().count();
    for (int i = 1; i <= n; i++) {
      added.add(i);
    }
    return new Changes(added, List.of());
  }
}
