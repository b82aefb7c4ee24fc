package dev.attentive.reviewer.analysis.testgen;

import dev.attentive.events.FileStatus;
import dev.attentive.events.Languages;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.reviewer.analysis.SourceContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code attentive bench tests-release}: the tests analyzer on real multi-class code (issue 14).
 * For consecutive releases of libraries (their {@code -sources.jar} from a Maven repository), each
 * Java file the newer release changed is reviewed as a pull request, twice: with the newer
 * release's tree as the source path (the older one for the base side), as the service does with the
 * files ingest attaches, and compiled alone (the behaviour before source files). Printed: the
 * changed public methods, and how many got a compiled test that asserts a value (assertEquals,
 * assertThrows, ... — a test that only calls the method does not count). The libraries' own
 * dependencies are on the classpath (with the source path) only with {@code --resolve-dependencies
 * URL}: those the newer release's pom declares, resolved as the reviewer resolves a repository's
 * (its {@code DependencyResolver}). Reserved libraries ({@code
 * dev.attentive.models.corpus.ReservedLibraries}) are refused.
 */
public final class ReleaseTestsBenchmark {

  static final String CENTRAL = "https://repo.maven.apache.org/maven2";

  /**
   * group:artifact:older:newer; none of them reserved. commons-text needs commons-lang3 (not on the
   * classpath here): its files show what a missing dependency costs.
   */
  static final List<String> PAIRS =
      List.of(
          "commons-io:commons-io:2.15.1:2.16.1",
          "org.apache.commons:commons-exec:1.3:1.4.0",
          "org.slf4j:slf4j-api:2.0.15:2.0.16",
          "org.apache.commons:commons-text:1.12.0:1.13.0",
          "org.antlr:antlr4-runtime:4.13.0:4.13.1");

  private static final Pattern ASSERTS_VALUE =
      Pattern.compile(
          "\\bassert(Equals|ArrayEquals|IterableEquals|LinesMatch|Throws|True|False|Null|NotNull|Same"
              + "|NotSame|NotEquals)\\(");

  private static final Pattern PUBLIC = Pattern.compile("\\bpublic\\b");

  private ReleaseTestsBenchmark() {}

  /** Counts of one side (with the source path, or alone). */
  static final class Tally {
    int files;
    int methods;
    int compiled;
    int asserting;
    final Map<String, Integer> misses = new TreeMap<>();

    void add(TestAnalyzer.Report report) {
      files++;
      for (TestAnalyzer.MethodReport m : report.methods()) {
        if (!PUBLIC.matcher(declaration(m.method().code())).find()) {
          continue;
        }
        methods++;
        boolean ok = !m.verification().startsWith("not verified");
        if (ok) {
          compiled++;
        }
        if (ok
            && m.verification().equals(TestAnalyzer.PASSED)
            && ASSERTS_VALUE.matcher(m.testSource()).find()) {
          asserting++;
        } else if (ok && m.verification().equals(TestAnalyzer.PASSED)) {
          misses.merge(
              "passed on head, but its tests pin no value (void, or a result not pinned)",
              1,
              Integer::sum);
        } else {
          String why = m.verification();
          int cut = why.indexOf(" (");
          why = (cut > 0 ? why.substring(0, cut) : why).replaceAll("\\b\\w+\\.java\\b", "X.java");
          misses.merge(why, 1, Integer::sum);
        }
      }
    }

    void add(Tally other) {
      files += other.files;
      methods += other.methods;
      compiled += other.compiled;
      asserting += other.asserting;
      other.misses.forEach((k, v) -> misses.merge(k, v, Integer::sum));
    }

    String line() {
      return String.format(
          "%d files, %d changed public methods, %d with compiled tests, %d (%.1f %%) with a"
              + " compiled test that asserts a value",
          files, methods, compiled, asserting, methods == 0 ? 0.0 : 100.0 * asserting / methods);
    }
  }

  /** The declaration up to its parameter list (its modifiers), without comments or annotations. */
  static String declaration(String code) {
    String noComments = code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    int paren = noComments.indexOf('(');
    return paren < 0 ? noComments : noComments.substring(0, paren);
  }

  public static void main(String[] args) throws Exception {
    List<String> pairs = PAIRS;
    int maxFiles = 10;
    boolean execute = true;
    Path cache = Path.of(System.getProperty("user.home"), ".cache/attentive/sources");
    String mavenRepo = CENTRAL;
    String dependenciesFrom = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--pairs" -> pairs = List.of(args[++i].split(","));
        case "--max-files" -> maxFiles = Integer.parseInt(args[++i]);
        case "--no-execute" -> execute = false;
        case "--cache" -> cache = Path.of(args[++i]);
        case "--maven-repo" -> mavenRepo = args[++i];
        case "--resolve-dependencies" -> dependenciesFrom = args[++i];
        default -> {
          System.err.println(
              "usage: attentive bench tests-release [--pairs g:a:old:new,...] [--max-files N]"
                  + " [--no-execute] [--cache DIR] [--maven-repo URL]"
                  + " [--resolve-dependencies URL]");
          System.exit(2);
        }
      }
    }
    Reserved reserved = Reserved.load();
    TestAnalyzer analyzer =
        new TestAnalyzer(new TestsConfig(execute, Duration.ofSeconds(30), 256, 100, 12));
    System.out.printf(
        "== tests on release diffs: %d libraries, at most %d changed files each, execution %s,"
            + " %d cores, Java %s; the libraries' dependencies %s%n",
        pairs.size(),
        maxFiles,
        execute ? "on" : "off",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        dependenciesFrom == null
            ? "are NOT on the classpath"
            : "resolved from " + dependenciesFrom + " (with the source path)");
    dev.attentive.reviewer.analysis.dependencies.DependencyResolver resolver =
        dependenciesFrom == null
            ? null
            : new dev.attentive.reviewer.analysis.dependencies.DependencyResolver(
                dev.attentive.reviewer.analysis.dependencies.DependenciesConfig.of(
                    dependenciesFrom));
    Tally allAfter = new Tally();
    Tally allBefore = new Tally();
    long started = System.nanoTime();
    for (String pair : pairs) {
      String[] p = pair.split(":");
      if (p.length != 4) {
        throw new IllegalArgumentException("want group:artifact:older:newer, got " + pair);
      }
      if (reserved.groupArtifacts().contains(p[0] + ":" + p[1])) {
        throw new IllegalArgumentException(
            p[0] + ":" + p[1] + " is reserved for an outside evaluation");
      }
      Path older = fetch(mavenRepo, cache, p[0], p[1], p[2]);
      Path newer = fetch(mavenRepo, cache, p[0], p[1], p[3]);
      Map<String, String> before = javaFiles(older, reserved);
      Map<String, String> after = javaFiles(newer, reserved);
      Path work = Files.createTempDirectory("attentive-release-bench-");
      Path oldRoot = write(work.resolve("old"), before);
      Path newRoot = write(work.resolve("new"), after);
      List<String> changed = new ArrayList<>();
      after.forEach(
          (path, text) -> {
            if (before.containsKey(path) && !before.get(path).equals(text)) {
              changed.add(path);
            }
          });
      // An even spread over the changed files, the same every run.
      List<String> sample = new ArrayList<>();
      for (int i = 0; i < Math.min(maxFiles, changed.size()); i++) {
        sample.add(changed.get(i * changed.size() / Math.min(maxFiles, changed.size())));
      }
      List<Path> classpath = List.of();
      if (resolver != null) {
        var resolved = resolver.resolve(pom(mavenRepo, p[0], p[1], p[3]));
        classpath = resolved.classpath();
        System.out.printf(
            "%s:%s:%s: %d dependency jars%s%n",
            p[0],
            p[1],
            p[3],
            classpath.size(),
            resolved.notes().isEmpty() ? "" : " (" + String.join("; ", resolved.notes()) + ")");
      }
      SourceContext around =
          new SourceContext(Map.of(), Map.of(), List.of(newRoot), classpath, List.of(oldRoot));
      Tally withSources = new Tally();
      Tally alone = new Tally();
      for (String path : sample) {
        PullRequestDiffChunk chunk = chunk(path, before.get(path), after.get(path));
        withSources.add(analyzer.report(chunk, execute, around));
        alone.add(analyzer.report(chunk, execute, SourceContext.NONE));
      }
      System.out.printf(
          "%s:%s %s -> %s (%d changed Java files)%n  with the source path: %s%n  compiled alone:"
              + "       %s%n",
          p[0], p[1], p[2], p[3], changed.size(), withSources.line(), alone.line());
      allAfter.add(withSources);
      allBefore.add(alone);
      deleteTree(work);
    }
    System.out.println("== total");
    System.out.println("  with the source path: " + allAfter.line());
    System.out.println("  compiled alone:       " + allBefore.line());
    System.out.println("  why the rest got none (with the source path):");
    allAfter.misses.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(e -> System.out.printf("    %4d  %s%n", e.getValue(), e.getKey()));
    System.out.printf("took %.0f s%n", (System.nanoTime() - started) / 1e9);
  }

  /** The chunk of a modified file with GitHub's kind of patch (three lines of context). */
  static PullRequestDiffChunk chunk(String path, String base, String head) {
    List<String> b = base.lines().toList();
    List<String> h = head.lines().toList();
    var diff = com.github.difflib.DiffUtils.diff(b, h);
    List<String> unified =
        com.github.difflib.UnifiedDiffUtils.generateUnifiedDiff(
            "a/" + path, "b/" + path, b, diff, 3);
    var hunks = PatchParser.parse(String.join("\n", unified.subList(2, unified.size())) + "\n");
    return new PullRequestDiffChunk(
        PullRequestDiffChunk.SCHEMA_VERSION,
        "bench",
        "bench/release",
        1,
        "base",
        "head",
        null,
        path,
        null,
        FileStatus.MODIFIED,
        Languages.of(path),
        0,
        0,
        0,
        hunks,
        head);
  }

  /** The reserved libraries, from the models module (the one list; refused without it). */
  record Reserved(Collection<String> groupArtifacts, List<String> packagePaths) {
    @SuppressWarnings("unchecked")
    static Reserved load() {
      try {
        Class<?> c = Class.forName("dev.attentive.models.corpus.ReservedLibraries");
        return new Reserved(
            (Collection<String>) c.getField("GROUP_ARTIFACTS").get(null),
            (List<String>) c.getField("PACKAGE_PATHS").get(null));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(
            "the reserved libraries are not known (models/train/target/classes must be on the"
                + " classpath): refusing to read any library",
            e);
      }
    }

    boolean holds(String entry) {
      return packagePaths.stream().anyMatch(p -> entry.startsWith(p) || entry.contains("/" + p));
    }
  }

  /** The .java entries of a sources jar (a jar holding a reserved library's package is refused). */
  static Map<String, String> javaFiles(Path jar, Reserved reserved) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile(), StandardCharsets.UTF_8)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry e = entries.nextElement();
        if (e.isDirectory() || !e.getName().endsWith(".java") || e.getName().contains("..")) {
          continue;
        }
        if (reserved.holds(e.getName())) {
          throw new IllegalArgumentException(
              jar + " holds a reserved library's package (" + e.getName() + "): refused");
        }
        if (e.getName().endsWith("module-info.java") || e.getName().endsWith("package-info.java")) {
          continue;
        }
        try (InputStream in = zip.getInputStream(e)) {
          out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  static Path write(Path root, Map<String, String> files) throws IOException {
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path file = root.resolve(e.getKey()).normalize();
      if (!file.startsWith(root)) {
        continue;
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
    return root;
  }

  /**
   * The cached sources jar, downloaded first when missing (checked against the repository's SHA-1).
   */
  /** A release's pom, as a repository holds it (the file the reviewer would read). */
  static String pom(String repo, String group, String artifact, String version)
      throws IOException, InterruptedException {
    String base = repo.endsWith("/") ? repo : repo + "/";
    String url =
        base
            + group.replace('.', '/')
            + "/"
            + artifact
            + "/"
            + version
            + "/"
            + artifact
            + "-"
            + version
            + ".pom";
    HttpResponse<String> got =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
    if (got.statusCode() != 200) {
      throw new IOException(url + ": HTTP " + got.statusCode());
    }
    return got.body();
  }

  static Path fetch(String repo, Path cache, String group, String artifact, String version)
      throws IOException, InterruptedException, java.security.NoSuchAlgorithmException {
    String relative =
        group.replace('.', '/')
            + "/"
            + artifact
            + "/"
            + version
            + "/"
            + artifact
            + "-"
            + version
            + "-sources.jar";
    Path jar = cache.resolve(relative);
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    String base = repo.endsWith("/") ? repo : repo + "/";
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    Files.createDirectories(jar.getParent());
    Path part = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".part");
    HttpResponse<Path> got =
        http.send(
            HttpRequest.newBuilder(URI.create(base + relative))
                .timeout(Duration.ofMinutes(2))
                .build(),
            HttpResponse.BodyHandlers.ofFile(part));
    if (got.statusCode() != 200) {
      Files.deleteIfExists(part);
      throw new FileNotFoundException(base + relative + ": HTTP " + got.statusCode());
    }
    HttpResponse<String> sha1 =
        http.send(
            HttpRequest.newBuilder(URI.create(base + relative + ".sha1"))
                .timeout(Duration.ofMinutes(1))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String actual =
        java.util.HexFormat.of()
            .formatHex(
                java.security.MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(part)));
    if (sha1.statusCode() != 200 || !sha1.body().strip().startsWith(actual)) {
      Files.deleteIfExists(part);
      throw new IOException(base + relative + ": SHA-1 does not match");
    }
    Files.move(part, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return jar;
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
