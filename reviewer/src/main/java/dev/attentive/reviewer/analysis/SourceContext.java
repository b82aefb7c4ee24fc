package dev.attentive.reviewer.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The repository around a changed file, for analyzers that compile it: the texts of the files it
 * may need (by repository path) at the pull request's head and base, source roots of a local
 * checkout, and the project's own classpath (its third-party dependencies), when known.
 *
 * @param head path → text at the head commit
 * @param base path → text at the base commit, for files whose text differs from head's (the base
 *     side is head's files with these replacing theirs)
 * @param headRoots directories whose package trees are the head source path (a local checkout's
 *     {@code src/main/java}, ...), searched after {@code head}
 * @param classpath jars and directories of the project's dependencies; empty when not resolved
 * @param baseRoots directories whose package trees are the base source path (an older release, in
 *     the release benchmark); empty: the base side searches {@code headRoots}
 */
public record SourceContext(
    Map<String, String> head,
    Map<String, String> base,
    List<Path> headRoots,
    List<Path> classpath,
    List<Path> baseRoots) {

  /** Nothing known around the file: it is compiled on its own. */
  public static final SourceContext NONE =
      new SourceContext(Map.of(), Map.of(), List.of(), List.of(), List.of());

  public SourceContext {
    head = Map.copyOf(head);
    base = Map.copyOf(base);
    headRoots = List.copyOf(headRoots);
    classpath = List.copyOf(classpath);
    baseRoots = List.copyOf(baseRoots);
  }

  public SourceContext(
      Map<String, String> head,
      Map<String, String> base,
      List<Path> headRoots,
      List<Path> classpath) {
    this(head, base, headRoots, classpath, List.of());
  }

  public SourceContext(Map<String, String> head, Map<String, String> base) {
    this(head, base, List.of(), List.of(), List.of());
  }

  public boolean isEmpty() {
    return head.isEmpty()
        && base.isEmpty()
        && headRoots.isEmpty()
        && classpath.isEmpty()
        && baseRoots.isEmpty();
  }
}
