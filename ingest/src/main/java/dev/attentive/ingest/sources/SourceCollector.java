package dev.attentive.ingest.sources;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.SourceFile;
import dev.attentive.events.SourceRef;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.ingest.github.GitHubGateway;
import dev.attentive.ingest.profile.BlobCache;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Chooses, for each Java chunk of a fetch, the repository files its class may need to compile, and
 * reads them: the head commit's tree is listed once per fetch, then from the changed file outwards
 * (breadth first, up to {@link SourceLimits#maxDepth}) the classes it imports ({@code a.b.C} is
 * {@code <any source root>/a/b/C.java}) and the files of its own package whose class it names. For
 * files whose blob differs at the base commit, the base version is referenced too, so the base
 * class compiles against its own neighbours. The nearest {@code pom.xml} above the changed file is
 * referenced too (its declared dependencies are the reviewer's to resolve). Blobs come through the
 * {@link BlobCache} (by SHA, so never stale); each SHA is published once per fetch and not at all
 * when this instance published it lately ({@link RecentSources}).
 *
 * <p>Context is a nicety: a tree GitHub will not list leaves the chunks without references (and a
 * log line), a blob it will not give leaves that one file out. Never fails the fetch.
 */
public final class SourceCollector {

  private static final Logger LOG = Logger.getLogger(SourceCollector.class);

  private final SourceLimits limits;
  private final BlobCache blobs;
  private final RecentSources recent;
  private final MeterRegistry metrics;

  public SourceCollector(
      SourceLimits limits, BlobCache blobs, RecentSources recent, MeterRegistry metrics) {
    this.limits = limits;
    this.blobs = blobs;
    this.recent = recent;
    this.metrics = metrics;
  }

  /**
   * The chunks with their references, and the files to publish (before the chunks, in the same
   * transaction).
   */
  public record Collected(List<PullRequestDiffChunk> chunks, List<SourceFile> files) {}

  /** What one fetch reads from: the repository at its base and head. */
  public record Target(
      String repository, Long installationId, String baseSha, String headSha, String key) {}

  public Collected collect(
      GitHubGateway github,
      GitHubCalls calls,
      GitHubCalls.Budget budget,
      Target target,
      List<PullRequestDiffChunk> chunks)
      throws InterruptedException {
    if (chunks.stream().noneMatch(SourceCollector::wanted)) {
      return new Collected(chunks, List.of());
    }
    Fetch fetch =
        new Fetch(
            github.gitData(target.repository(), target.installationId()), calls, budget, target);
    Tree head;
    try {
      head = fetch.tree(target.headSha());
    } catch (GitHubFailedException e) {
      metrics.counter("attentive.ingest.sources.unavailable", "reason", "tree").increment();
      LOG.warnf(
          "%s @ %s: the tree could not be listed (%s); chunks go out without source files",
          target.key(), target.headSha(), e.getMessage());
      return new Collected(chunks, List.of());
    }
    List<PullRequestDiffChunk> out = new ArrayList<>(chunks.size());
    for (PullRequestDiffChunk chunk : chunks) {
      out.add(wanted(chunk) ? chunk.withSources(fetch.references(chunk, head)) : chunk);
    }
    metrics.counter("attentive.ingest.sources.published").increment(fetch.files.size());
    return new Collected(out, List.copyOf(fetch.files.values()));
  }

  private static boolean wanted(PullRequestDiffChunk chunk) {
    return "java".equals(chunk.language()) && chunk.newContent() != null;
  }

  /** A commit's tree: blobs by path, Java files by file name. */
  record Tree(
      Map<String, GitHubGateway.GitTreeEntry> byPath,
      Map<String, List<String>> byName,
      Map<String, List<String>> byDirectory) {
    static Tree of(GitHubGateway.GitTree tree) {
      Map<String, GitHubGateway.GitTreeEntry> byPath = new HashMap<>();
      Map<String, List<String>> byName = new HashMap<>();
      Map<String, List<String>> byDirectory = new HashMap<>();
      for (GitHubGateway.GitTreeEntry e : tree.entries()) {
        if ("blob".equals(e.type())) {
          byPath.put(e.path(), e);
          if (e.path().endsWith(".java")) {
            byName.computeIfAbsent(name(e.path()), k -> new ArrayList<>()).add(e.path());
            byDirectory.computeIfAbsent(directory(e.path()), k -> new ArrayList<>()).add(e.path());
          }
        }
      }
      byDirectory.values().forEach(l -> l.sort(null));
      return new Tree(byPath, byName, byDirectory);
    }

    /**
     * The Java file of {@code relative} ("a/b/C.java") under any source root, nearest {@code from}.
     */
    String find(String relative, String from) {
      String best = null;
      int bestShared = -1;
      for (String path : byName.getOrDefault(name(relative), List.of())) {
        if (path.equals(relative) || path.endsWith("/" + relative)) {
          int shared = sharedPrefix(path, from);
          if (shared > bestShared) {
            best = path;
            bestShared = shared;
          }
        }
      }
      return best;
    }

    /** Java files directly in {@code dir} ("" for the root). */
    List<String> inDirectory(String dir) {
      return byDirectory.getOrDefault(dir, List.of());
    }
  }

  /** A file whose references are still to be followed, at its distance from the changed file. */
  private record Pending(String path, String text, int depth) {}

  /** One fetch's reading: trees, bytes read, files to publish. */
  private final class Fetch {
    final GitHubGateway.GitData git;
    final GitHubCalls calls;
    final GitHubCalls.Budget budget;
    final Target target;
    final Map<String, SourceFile> files = new LinkedHashMap<>();
    final Map<String, String> texts = new HashMap<>();
    final Map<String, Tree> trees = new HashMap<>();
    final Set<String> unreadable = new HashSet<>();
    long bytesRead;

    Fetch(GitHubGateway.GitData git, GitHubCalls calls, GitHubCalls.Budget budget, Target target) {
      this.git = git;
      this.calls = calls;
      this.budget = budget;
      this.target = target;
    }

    Tree tree(String sha) throws GitHubFailedException, InterruptedException {
      Tree tree = trees.get(sha);
      if (tree == null) {
        GitHubGateway.GitTree listed =
            calls.read(
                "list the tree of " + target.key() + " @ " + sha,
                budget,
                previous -> git.tree(sha));
        tree = Tree.of(listed);
        trees.put(sha, tree);
      }
      return tree;
    }

    /** The chunk's references: head files breadth first, then base versions where they differ. */
    List<SourceRef> references(PullRequestDiffChunk chunk, Tree head) throws InterruptedException {
      Map<String, String> chosen = new LinkedHashMap<>(); // path → head blob
      Set<String> seen = new HashSet<>(Set.of(chunk.path()));
      ArrayDeque<Pending> queue = new ArrayDeque<>();
      queue.add(new Pending(chunk.path(), chunk.newContent(), 0));
      while (!queue.isEmpty() && chosen.size() < limits.maxFilesPerChunk()) {
        Pending next = queue.poll();
        int depth = next.depth();
        for (String ref : named(head, next.path(), next.text())) {
          if (chosen.size() >= limits.maxFilesPerChunk()) {
            break;
          }
          if (!seen.add(ref)) {
            continue;
          }
          GitHubGateway.GitTreeEntry entry = head.byPath().get(ref);
          String text = text(entry);
          if (text == null) {
            continue;
          }
          chosen.put(ref, entry.sha());
          if (depth + 1 < limits.maxDepth()) {
            queue.add(new Pending(ref, text, depth + 1));
          }
        }
      }
      List<SourceRef> refs = new ArrayList<>();
      chosen.forEach((path, sha) -> refs.add(new SourceRef(path, sha, SourceRef.Side.HEAD)));
      // The build file that declares the class's third-party dependencies: the reviewer resolves
      // them when its deployment enables it (a path ending in pom.xml marks it). One file, beyond
      // the cap on class files.
      GitHubGateway.GitTreeEntry pom = head.byPath().get(nearestPom(head, chunk.path()));
      if (pom != null && text(pom) != null) {
        refs.add(new SourceRef(pom.path(), pom.sha(), SourceRef.Side.HEAD));
      }
      if (!chosen.isEmpty() && target.baseSha() != null && !target.baseSha().isBlank()) {
        Tree base;
        try {
          base = tree(target.baseSha());
        } catch (GitHubFailedException e) {
          metrics
              .counter("attentive.ingest.sources.unavailable", "reason", "base_tree")
              .increment();
          LOG.warnf("%s: no base tree (%s); head files only", target.key(), e.getMessage());
          return refs;
        }
        for (Map.Entry<String, String> c : chosen.entrySet()) {
          GitHubGateway.GitTreeEntry before = base.byPath().get(c.getKey());
          if (refs.size() >= limits.maxFilesPerChunk()) {
            break;
          }
          if (before != null && !before.sha().equals(c.getValue()) && text(before) != null) {
            refs.add(new SourceRef(c.getKey(), before.sha(), SourceRef.Side.BASE));
          }
        }
      }
      return refs;
    }

    /**
     * The text of a blob, read through the cache and within the fetch's byte budget, queued for
     * publishing; null when it is too large, not text, unreadable or over the budget.
     */
    String text(GitHubGateway.GitTreeEntry entry) throws InterruptedException {
      if (entry == null
          || entry.size() > limits.maxFileBytes()
          || unreadable.contains(entry.sha())) {
        return null;
      }
      String known = texts.get(entry.sha());
      if (known != null) {
        return known;
      }
      byte[] bytes = blobs.get(entry.sha());
      if (bytes == null) {
        if (bytesRead + entry.size() > limits.maxBytesPerFetch()) {
          metrics.counter("attentive.ingest.sources.skipped", "reason", "fetch_bytes").increment();
          return null;
        }
        try {
          bytes =
              calls.read(
                  "read " + entry.path() + " of " + target.key(),
                  budget,
                  previous -> git.blob(entry.sha()));
        } catch (GitHubFailedException e) {
          unreadable.add(entry.sha());
          metrics.counter("attentive.ingest.sources.unavailable", "reason", "blob").increment();
          LOG.infof(
              "%s: %s left out of the source path (%s)",
              target.key(), entry.path(), e.getMessage());
          return null;
        }
        bytesRead += bytes.length;
        blobs.put(entry.sha(), bytes);
      }
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException binary) {
        unreadable.add(entry.sha());
        return null;
      }
      if (bytes.length > limits.maxFileBytes()) {
        unreadable.add(entry.sha());
        return null;
      }
      texts.put(entry.sha(), text);
      if (!files.containsKey(entry.sha()) && !recent.contains(entry.sha())) {
        files.put(entry.sha(), new SourceFile(SourceFile.SCHEMA_VERSION, entry.sha(), text));
        recent.add(entry.sha());
      }
      return text;
    }
  }

  /**
   * The repository files a source names: the classes it imports (single, static and on-demand
   * imports), then the files of its own directory whose class name occurs in it. Unparseable
   * sources name nothing.
   */
  static List<String> named(Tree tree, String path, String source) {
    ParseResult<CompilationUnit> parsed =
        new JavaParser(
                new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.BLEEDING_EDGE)
                    .setAttributeComments(false))
            .parse(source);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      return List.of();
    }
    CompilationUnit unit = parsed.getResult().get();
    // The names the code uses (types, qualifiers, calls), not words in comments or strings.
    Set<String> words = new HashSet<>();
    unit.findAll(SimpleName.class).forEach(n -> words.add(n.getIdentifier()));
    unit.findAll(Name.class).forEach(n -> words.add(n.getIdentifier())); // annotations, qualifiers
    Set<String> out = new LinkedHashSet<>();
    for (ImportDeclaration i : unit.getImports()) {
      String name = i.getNameAsString();
      if (name.startsWith("java.") || name.startsWith("javax.")) {
        continue; // the JDK's (javax.* of Jakarta EE would not be in the repository either)
      }
      if (i.isAsterisk() && !i.isStatic()) {
        String dir = name.replace('.', '/');
        for (String candidate : tree.byName().keySet()) {
          String cls = candidate.substring(0, candidate.length() - ".java".length());
          if (words.contains(cls)) {
            String found = tree.find(dir + "/" + candidate, path);
            if (found != null) {
              out.add(found);
            }
          }
        }
        continue;
      }
      // a.b.C, a.b.C.Nested, a.b.C.member (static): the longest prefix that is a file
      String[] parts = name.split("\\.");
      int last = i.isStatic() && !i.isAsterisk() ? parts.length - 1 : parts.length;
      for (int n = last; n >= 1; n--) {
        String relative = String.join("/", List.of(parts).subList(0, n)) + ".java";
        String found = tree.find(relative, path);
        if (found != null) {
          out.add(found);
          break;
        }
      }
    }
    for (String neighbour : tree.inDirectory(directory(path))) {
      String n = name(neighbour);
      if (!neighbour.equals(path)
          && words.contains(n.substring(0, n.length() - ".java".length()))) {
        out.add(neighbour);
      }
    }
    return List.copyOf(out);
  }

  /** The {@code pom.xml} in the file's directory or the nearest one above it; null if none. */
  static String nearestPom(Tree tree, String path) {
    String dir = directory(path);
    while (true) {
      String pom = dir.isEmpty() ? "pom.xml" : dir + "/pom.xml";
      if (tree.byPath().containsKey(pom)) {
        return pom;
      }
      if (dir.isEmpty()) {
        return null;
      }
      dir = directory(dir);
    }
  }

  static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  static String directory(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static int sharedPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
