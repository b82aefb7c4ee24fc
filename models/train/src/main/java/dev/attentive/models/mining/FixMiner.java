package dev.attentive.models.mining;

import dev.attentive.models.corpus.ReservedLibraries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Single-statement bug fixes from a repository's history, by ManySStuBs4J's rules: a non-merge
 * commit whose message speaks of a fix, that modifies exactly one Java source file outside tests
 * (tests, docs and build files may change beside it), in one edit of at most {@link
 * #MAX_EDIT_LINES} lines on each side, lying inside one statement. Walks every commit reachable
 * from HEAD, newest first; deterministic for a given HEAD.
 */
public final class FixMiner {

  public static final int MAX_EDIT_LINES = 6;
  public static final int MAX_FILE_BYTES = 256 * 1024;

  /** What was looked at, for the manifest. */
  public record Counts(int commits, int fixMessages, int oneJavaFile, int oneEdit, int fixes) {}

  private FixMiner() {}

  /**
   * @param name {@code owner/name}; a reserved repository is refused before anything is read
   */
  public static Counts mine(Repository repository, String name, Consumer<RealFix> out)
      throws IOException {
    ReservedLibraries.refuseIfReservedRepository(name);
    int commits = 0;
    int messages = 0;
    int oneFile = 0;
    int oneEdit = 0;
    int fixes = 0;
    ObjectId head = repository.resolve("HEAD");
    if (head == null) {
      return new Counts(0, 0, 0, 0, 0);
    }
    try (RevWalk walk = new RevWalk(repository);
        ObjectReader reader = repository.newObjectReader()) {
      walk.markStart(walk.parseCommit(head));
      walk.setRevFilter(RevFilter.NO_MERGES);
      for (RevCommit commit : walk) {
        commits++;
        if (commit.getParentCount() != 1 || !FixMessages.speaksOfAFix(commit.getFullMessage())) {
          continue;
        }
        messages++;
        RevCommit parent = walk.parseCommit(commit.getParent(0));
        Optional<Changed> changed = onlyJavaSourceChanged(reader, parent, commit);
        if (changed.isEmpty()) {
          continue;
        }
        oneFile++;
        Optional<RealFix> fix = singleStatementFix(reader, name, parent, commit, changed.get());
        if (fix.isPresent()) {
          oneEdit++;
          fixes++;
          out.accept(fix.get());
        }
      }
    }
    return new Counts(commits, messages, oneFile, oneEdit, fixes);
  }

  /** The one non-test Java file a commit modified. */
  record Changed(String path, ObjectId before, ObjectId after) {}

  private static Optional<Changed> onlyJavaSourceChanged(
      ObjectReader reader, RevCommit parent, RevCommit commit) throws IOException {
    try (TreeWalk tree = new TreeWalk(reader)) {
      tree.addTree(parent.getTree());
      tree.addTree(commit.getTree());
      tree.setRecursive(true);
      tree.setFilter(TreeFilter.ANY_DIFF);
      List<Changed> sources = new ArrayList<>();
      while (tree.next()) {
        String path = tree.getPathString();
        if (!path.endsWith(".java") || isTest(path)) {
          continue;
        }
        ObjectId a = tree.getObjectId(0);
        ObjectId b = tree.getObjectId(1);
        if (a.equals(ObjectId.zeroId()) || b.equals(ObjectId.zeroId())) {
          return Optional.empty(); // a Java source added or deleted: not a one-statement fix
        }
        sources.add(new Changed(path, a.copy(), b.copy()));
        if (sources.size() > 1) {
          return Optional.empty();
        }
      }
      return sources.size() == 1 ? Optional.of(sources.get(0)) : Optional.empty();
    }
  }

  static boolean isTest(String path) {
    String p = "/" + path;
    String file = path.substring(path.lastIndexOf('/') + 1);
    return p.contains("/test/")
        || p.contains("/tests/")
        || p.contains("/it/")
        || p.contains("/testing/")
        || file.startsWith("Test")
        || file.endsWith("Test.java")
        || file.endsWith("Tests.java")
        || file.endsWith("IT.java")
        || file.endsWith("TestCase.java");
  }

  private static Optional<RealFix> singleStatementFix(
      ObjectReader reader, String name, RevCommit parent, RevCommit commit, Changed changed)
      throws IOException {
    Optional<String> before = text(reader, changed.before());
    Optional<String> after = text(reader, changed.after());
    if (before.isEmpty() || after.isEmpty()) {
      return Optional.empty();
    }
    return RealFixes.fromVersions(
        name,
        commit.name(),
        parent.name(),
        changed.path(),
        commit.getShortMessage(),
        before.get(),
        after.get());
  }

  /** A blob as strict UTF-8 text under the size cap; binary or other encodings are skipped. */
  private static Optional<String> text(ObjectReader reader, ObjectId blob) throws IOException {
    if (reader.getObjectSize(blob, org.eclipse.jgit.lib.Constants.OBJ_BLOB) > MAX_FILE_BYTES) {
      return Optional.empty();
    }
    return strictUtf8(reader.open(blob).getBytes());
  }

  /** The text of a source file's bytes, line ends made LF; empty when they are not UTF-8. */
  static Optional<String> strictUtf8(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString()
              .replace("\r\n", "\n"));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The edits between two texts, line by line (histogram diff, as git's default). */
  static EditList edits(String before, String after) {
    return DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
        .diff(
            RawTextComparator.DEFAULT,
            new RawText(before.getBytes(StandardCharsets.UTF_8)),
            new RawText(after.getBytes(StandardCharsets.UTF_8)));
  }

  static boolean small(Edit e) {
    return e.getLengthA() <= MAX_EDIT_LINES && e.getLengthB() <= MAX_EDIT_LINES;
  }
}
