package dev.attentive.reviewer.analysis.testgen;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.comments.Comment;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.Type;
import dev.attentive.events.PullRequestDiffChunk;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code attentive bench mutants}: how often the tests analyzer reports a behaviour change that a
 * one-statement bug really makes (issue 14, "mutation evaluation").
 *
 * <ol>
 *   <li>Methods of real libraries ({@code -sources.jar} from a Maven repository; never the reserved
 *       libraries): public static, not generic, whose parameters are primitives, String or arrays
 *       of them and whose result is one of those or void. Each is cut out with the static fields
 *       and methods of its class that it reaches (annotations, comments and non-JDK imports
 *       dropped) and kept when that file compiles on its own.
 *   <li>Mutants: one statement changed with one of the model's bug kinds (changed operator, integer
 *       literal ±1, flipped boolean, wrong variable, swapped arguments, dropped or added {@code
 *       !}), drawn with the seed, and behaviour-preserving edits (a renamed local, an extracted
 *       variable, two independent statements reordered).
 *   <li>The oracle, fixed before the analyzer was tuned and independent of it: the same {@value
 *       #ORACLE_INPUTS} seeded random inputs per parameter type on the original and the mutant in
 *       the sandbox; a mutant whose result differs on some input "changes some output".
 *   <li>Each output-changing mutant and each preserving edit is reviewed as a pull request (base:
 *       the original file, head: the mutant) with execution on, and a {@code
 *       tests/behaviour-change} for the method is counted.
 * </ol>
 *
 * Options: {@code --seed S} (14), {@code --mutants N} output-changing mutants to review (600),
 * {@code --preserving N} preserving edits to review (100), {@code --per-method N} mutants drawn per
 * method (3), {@code --libraries g:a:v,...}, {@code --sources DIR} (Java files instead of jars),
 * {@code --maven-repo URL}, {@code --cache DIR}.
 */
public final class MutationBenchmark {

  /** Random inputs per method in the oracle: fixed before the analyzer was tuned. */
  static final int ORACLE_INPUTS = 200;

  static final String CENTRAL = "https://repo.maven.apache.org/maven2";

  /**
   * Libraries whose static helpers take and return plain values; none of them reserved ({@code
   * models/train/.../corpus/ReservedLibraries}).
   */
  static final List<String> LIBRARIES =
      List.of(
          "commons-io:commons-io:2.16.1",
          "org.apache.commons:commons-text:1.12.0",
          "org.apache.httpcomponents:httpcore:4.4.16",
          "io.netty:netty-common:4.1.115.Final",
          "io.netty:netty-buffer:4.1.115.Final",
          "org.yaml:snakeyaml:2.3",
          "org.ow2.asm:asm:9.7.1",
          "org.antlr:antlr4-runtime:4.13.2",
          "commons-net:commons-net:3.11.1",
          "org.apache.logging.log4j:log4j-api:2.24.1",
          "org.javassist:javassist:3.30.2-GA",
          "org.springframework:spring-core:6.1.15",
          "net.bytebuddy:byte-buddy:1.15.10",
          "org.hsqldb:hsqldb:2.7.4",
          "com.h2database:h2:2.3.232",
          "com.google.guava:guava:33.3.1-jre");

  /** Package paths of the reserved libraries (never read, even shaded inside another jar). */
  static final List<String> RESERVED =
      List.of(
          "org/apache/commons/lang/",
          "org/apache/commons/lang3/",
          "org/apache/commons/math/",
          "org/apache/commons/math3/",
          "org/apache/commons/cli/",
          "org/apache/commons/codec/",
          "org/apache/commons/collections/",
          "org/apache/commons/collections4/",
          "org/apache/commons/compress/",
          "org/apache/commons/csv/",
          "org/apache/commons/jxpath/",
          "com/fasterxml/jackson/",
          "com/google/gson/",
          "org/jsoup/",
          "org/joda/time/",
          "org/jfree/",
          "com/google/javascript/jscomp/",
          "org/mockito/");

  private static final Set<String> PLAIN =
      Set.of("int", "long", "short", "byte", "char", "boolean", "double", "float", "String");

  private MutationBenchmark() {}

  /** A method cut out of a library into a file of its own. */
  record Subject(
      String library, String pkg, String className, String method, String params, String source) {}

  /** One changed file: a mutant (changesOutput from the oracle) or a preserving edit. */
  record Mutant(Subject subject, String kind, String source, boolean preserving) {}

  /** What was counted; printed at the end. */
  static final class Counts {
    final Map<String, int[]> perLibrary = new TreeMap<>(); // subjects, mutants, changing
    final Map<String, int[]> perKind = new TreeMap<>(); // reviewed, reported
    int subjects;
    int mutants;
    int changing;
    int reviewed;
    int reported;
    int preservingReviewed;
    int preservingReported;
    int sinceProgress;
    final List<String> missed = new ArrayList<>();
    final List<String> falseReports = new ArrayList<>();
  }

  public static void main(String[] args) throws Exception {
    System.exit(run(args, System.out));
  }

  static int run(String[] args, PrintStream out) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        out.println(
            "usage: bench mutants [--seed S] [--mutants N] [--preserving N] [--per-method N]"
                + " [--threads T] [--libraries G:A:V,...] [--sources DIR] [--maven-repo URL]"
                + " [--cache DIR]");
        return 2;
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    evaluate(options, out);
    return 0;
  }

  /** Runs the evaluation with these options (see the class comment) and prints its numbers. */
  static Counts evaluate(Map<String, String> options, PrintStream out) throws Exception {
    long seed = Long.parseLong(options.getOrDefault("seed", "14"));
    int wanted = Integer.parseInt(options.getOrDefault("mutants", "600"));
    int preservingWanted = Integer.parseInt(options.getOrDefault("preserving", "100"));
    int perMethod = Integer.parseInt(options.getOrDefault("per-method", "3"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
    Path cache =
        Path.of(
            options.getOrDefault(
                "cache",
                Path.of(System.getProperty("user.home"), ".cache/attentive/sources") + ""));
    String repo = options.getOrDefault("maven-repo", CENTRAL);
    Path work = Files.createTempDirectory("attentive-mutants-");
    Counts counts = new Counts();
    Random random = new Random(seed);
    try {
      TestAnalyzer analyzer =
          new TestAnalyzer(
              new TestsConfig(
                  true,
                  TestsConfig.DEFAULT_TIMEOUT,
                  TestsConfig.DEFAULT_MAX_HEAP_MB,
                  TestsConfig.DEFAULT_MAX_METHODS,
                  TestsConfig.DEFAULT_MAX_CASES));
      // Reviews in a few threads: one can compile while another waits for its sandboxed JVM.
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(threads);
      try {
        // One library after another, each to its share of the reviews: a run stopped early has
        // numbers over the libraries it reached. A library's share is what is left over the
        // libraries left, so what a small library cannot use goes to the ones after it.
        List<String> libraries =
            options.containsKey("sources")
                ? List.of(options.get("sources"))
                : options.containsKey("libraries")
                    ? List.of(options.get("libraries").split(","))
                    : LIBRARIES;
        int allocated = 0;
        int preservingAllocated = 0;
        for (int index = 0; index < libraries.size(); index++) {
          String library = libraries.get(index);
          int share = share(wanted - allocated, libraries.size() - index);
          int preservingShare =
              share(preservingWanted - preservingAllocated, libraries.size() - index);
          // 1. subjects
          List<Subject> subjects;
          if (options.containsKey("sources")) {
            Map<String, String> files = new LinkedHashMap<>();
            Path dir = Path.of(library);
            try (Stream<Path> walk = Files.walk(dir)) {
              for (Path f : walk.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                files.put(dir.relativize(f).toString(), Files.readString(f));
              }
            }
            subjects = subjects(library, files, work);
          } else {
            try {
              subjects = subjects(library, javaFiles(fetch(repo, cache, library)), work);
            } catch (IOException e) {
              out.println("skipped " + library + ": " + e.getMessage());
              continue;
            }
          }
          counts.subjects += subjects.size();
          int[] perLibrary = counts.perLibrary.computeIfAbsent(library, k -> new int[3]);
          perLibrary[0] = subjects.size();

          // 2. mutants, drawn with the seed; 3. the oracle decides which change some output
          List<Mutant> drawn = new ArrayList<>();
          List<Mutant> preserving = new ArrayList<>();
          for (Subject subject : subjects) {
            List<Mutant> all = mutants(subject);
            Collections.shuffle(all, random);
            drawn.addAll(all.subList(0, Math.min(perMethod, all.size())));
            List<Mutant> kept = preservingEdits(subject);
            Collections.shuffle(kept, random);
            if (!kept.isEmpty()) {
              preserving.add(kept.get(0));
            }
          }
          List<Mutant> compiled = compiling(drawn, work.resolve("compile-" + library.hashCode()));
          counts.mutants += compiled.size();
          perLibrary[1] = compiled.size();
          List<Mutant> changed =
              oracle(compiled, work.resolve("oracle-" + library.hashCode()), seed);
          counts.changing += changed.size();
          perLibrary[2] = changed.size();
          out.printf(
              "%s: %d methods, %d mutants compiled, %d change some output%n",
              library, subjects.size(), compiled.size(), changed.size());
          Collections.shuffle(changed, random);
          Collections.shuffle(preserving, random);
          preserving =
              compiling(
                  preserving.subList(0, Math.min(preservingShare * 2, preserving.size())),
                  work.resolve("compile-preserving-" + library.hashCode()));

          // 4. review each as a pull request, execution on
          List<Mutant> toReview = changed.subList(0, Math.min(share, changed.size()));
          List<Mutant> preservingToReview =
              preserving.subList(0, Math.min(preservingShare, preserving.size()));
          allocated += toReview.size();
          preservingAllocated += preservingToReview.size();
          review(analyzer, pool, toReview, preservingToReview, counts, out);
        }
      } finally {
        pool.shutdownNow();
      }
      print(out, counts, seed);
      return counts;
    } finally {
      deleteTree(work);
    }
  }

  /** A library's share of the {@code left} reviews with {@code libraries} libraries left. */
  static int share(int left, int libraries) {
    return libraries <= 0 ? 0 : Math.max(0, (left + libraries - 1) / libraries);
  }

  /**
   * Reviews the mutants and the preserving edits (interleaved, so that a run stopped early has
   * both) and counts the behaviour-change reports, printing running totals.
   */
  static void review(
      TestAnalyzer analyzer,
      java.util.concurrent.ExecutorService pool,
      List<Mutant> changing,
      List<Mutant> preserving,
      Counts counts,
      PrintStream out)
      throws InterruptedException {
    List<Mutant> toReview = new ArrayList<>();
    List<Mutant> left = new ArrayList<>(changing);
    List<Mutant> leftPreserving = new ArrayList<>(preserving);
    double ratio = left.isEmpty() ? 1 : (double) leftPreserving.size() / left.size();
    while (!left.isEmpty() || !leftPreserving.isEmpty()) {
      if (!leftPreserving.isEmpty()
          && (left.isEmpty() || counts(toReview, true) < ratio * counts(toReview, false))) {
        toReview.add(leftPreserving.remove(0));
      } else {
        toReview.add(left.remove(0));
      }
    }
    List<java.util.concurrent.Future<Boolean>> reviews = new ArrayList<>();
    for (Mutant m : toReview) {
      reviews.add(pool.submit(() -> reportsChange(analyzer, m)));
    }
    for (int i = 0; i < toReview.size(); i++) {
      Mutant m = toReview.get(i);
      boolean reported;
      try {
        reported = reviews.get(i).get();
      } catch (java.util.concurrent.ExecutionException e) {
        out.println("  review failed: " + describe(m) + ": " + e.getCause());
        continue;
      }
      if (m.preserving()) {
        counts.preservingReviewed++;
        if (reported) {
          counts.preservingReported++;
          counts.falseReports.add(describe(m));
        }
      } else {
        counts.reviewed++;
        int[] kind = counts.perKind.computeIfAbsent(m.kind(), k -> new int[2]);
        kind[0]++;
        if (reported) {
          counts.reported++;
          kind[1]++;
        } else if (counts.missed.size() < 30) {
          counts.missed.add(describe(m));
        }
      }
      if (++counts.sinceProgress % 25 == 0) {
        out.printf(
            "  reviewed %d mutants, behaviour change reported for %d (%.1f %%); %d preserving"
                + " edits, %d reports%n",
            counts.reviewed,
            counts.reported,
            100.0 * counts.reported / Math.max(1, counts.reviewed),
            counts.preservingReviewed,
            counts.preservingReported);
        out.flush();
      }
    }
  }

  static void print(PrintStream out, Counts c, long seed) {
    out.printf("%nseed %d, %d oracle inputs per method%n", seed, ORACLE_INPUTS);
    out.printf("%-45s %8s %8s %8s%n", "library", "methods", "mutants", "changing");
    c.perLibrary.forEach((lib, n) -> out.printf("%-45s %8d %8d %8d%n", lib, n[0], n[1], n[2]));
    out.printf(
        "libraries with output-changing mutants: %d%n",
        c.perLibrary.values().stream().filter(n -> n[2] > 0).count());
    out.printf("%-24s %8s %8s%n", "bug kind", "reviewed", "reported");
    c.perKind.forEach((k, n) -> out.printf("%-24s %8d %8d%n", k, n[0], n[1]));
    out.printf(
        "output-changing mutants reviewed: %d, behaviour change reported: %d (%.1f %%)%n",
        c.reviewed, c.reported, c.reviewed == 0 ? 0.0 : 100.0 * c.reported / c.reviewed);
    out.printf(
        "behaviour-preserving edits reviewed: %d, behaviour change reported: %d%n",
        c.preservingReviewed, c.preservingReported);
    c.missed.forEach(m -> out.println("  missed: " + m));
    c.falseReports.forEach(m -> out.println("  reported on a preserving edit: " + m));
  }

  private static long counts(List<Mutant> list, boolean preserving) {
    return list.stream().filter(m -> m.preserving() == preserving).count();
  }

  private static String describe(Mutant m) {
    return m.subject().library()
        + " "
        + m.subject().className()
        + "."
        + m.subject().method()
        + "("
        + m.subject().params()
        + ") "
        + m.kind();
  }

  /** Whether the analyzer reports a behaviour change for the mutant's method. */
  static boolean reportsChange(TestAnalyzer analyzer, Mutant m) throws Exception {
    String path =
        "src/main/java/"
            + m.subject().pkg().replace('.', '/')
            + "/"
            + m.subject().className()
            + ".java";
    PullRequestDiffChunk chunk =
        TestAnalyzerBenchmark.chunk(path, m.subject().source(), m.source());
    TestAnalyzer.Report report = analyzer.report(chunk, true);
    return report.methods().stream()
        .anyMatch(r -> r.method().name().equals(m.subject().method()) && !r.changes().isEmpty());
  }

  // ---- subjects

  static List<Subject> subjects(String library, Map<String, String> files, Path work)
      throws IOException {
    List<Subject> candidates = new ArrayList<>();
    JavaParser parser =
        new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    for (Map.Entry<String, String> f : files.entrySet()) {
      String path = f.getKey();
      if (RESERVED.stream().anyMatch(path::contains)
          || path.endsWith("module-info.java")
          || path.endsWith("package-info.java")) {
        continue;
      }
      ParseResult<CompilationUnit> parsed = parser.parse(f.getValue());
      if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
        continue;
      }
      CompilationUnit unit = parsed.getResult().get();
      for (ClassOrInterfaceDeclaration type :
          unit.getTypes().stream()
              .filter(t -> t instanceof ClassOrInterfaceDeclaration)
              .map(t -> (ClassOrInterfaceDeclaration) t)
              .toList()) {
        if (type.isInterface() || !type.getTypeParameters().isEmpty() || !type.isPublic()) {
          continue;
        }
        Set<String> seenNames = new HashSet<>();
        for (MethodDeclaration m : type.getMethods()) {
          if (m.isStatic()
              && m.isPublic()
              && m.getBody().isPresent()
              && m.getTypeParameters().isEmpty()
              && plain(m)
              && seenNames.add(m.getNameAsString() + "(" + params(m) + ")")) {
            String source = cutOut(unit, type, m);
            if (source != null) {
              candidates.add(
                  new Subject(
                      library,
                      unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse(""),
                      type.getNameAsString(),
                      m.getNameAsString(),
                      params(m),
                      source));
            }
          }
        }
      }
    }
    // keep those that compile on their own: the same class name may be cut out several times
    // (one file per method), so each is compiled in a directory of its own per batch
    return compilingSubjects(candidates, work.resolve("subjects-" + library.hashCode()));
  }

  private static String params(MethodDeclaration m) {
    return String.join(",", m.getParameters().stream().map(p -> p.getType().asString()).toList());
  }

  private static boolean plain(MethodDeclaration m) {
    if (m.getParameters().isEmpty()) {
      return false;
    }
    for (Parameter p : m.getParameters()) {
      if (p.isVarArgs() || !plainType(p.getType(), true)) {
        return false;
      }
    }
    return m.getType().isVoidType() || plainType(m.getType(), true);
  }

  private static boolean plainType(Type t, boolean arrays) {
    if (t.isArrayType()) {
      return arrays
          && t.asArrayType().getArrayLevel() == 1
          && plainType(t.asArrayType().getComponentType(), false);
    }
    return PLAIN.contains(t.asString());
  }

  /**
   * The class with only {@code m} and the static members it reaches (by simple name), without
   * annotations, comments or imports outside {@code java.}; null when it needs instance members.
   */
  static String cutOut(
      CompilationUnit unit, ClassOrInterfaceDeclaration type, MethodDeclaration m) {
    Set<BodyDeclaration<?>> kept = new LinkedHashSet<>();
    List<BodyDeclaration<?>> todo = new ArrayList<>(List.of(m));
    while (!todo.isEmpty()) {
      BodyDeclaration<?> next = todo.remove(todo.size() - 1);
      if (!kept.add(next)) {
        continue;
      }
      Set<String> names = new HashSet<>();
      next.findAll(MethodCallExpr.class)
          .forEach(
              c -> {
                if (c.getScope().isEmpty()
                    || c.getScope().get().toString().equals(type.getNameAsString())) {
                  names.add(c.getNameAsString());
                }
              });
      next.findAll(NameExpr.class).forEach(n -> names.add(n.getNameAsString()));
      for (BodyDeclaration<?> member : type.getMembers()) {
        if (member instanceof MethodDeclaration other && names.contains(other.getNameAsString())) {
          if (!other.isStatic() || other.getBody().isEmpty()) {
            return null;
          }
          todo.add(other);
        } else if (member instanceof FieldDeclaration field
            && field.getVariables().stream().anyMatch(v -> names.contains(v.getNameAsString()))) {
          if (!field.isStatic()) {
            return null;
          }
          todo.add(field);
        }
      }
    }
    CompilationUnit out = new CompilationUnit();
    unit.getPackageDeclaration().ifPresent(p -> out.setPackageDeclaration(p.getNameAsString()));
    unit.getImports().stream()
        .filter(i -> i.getNameAsString().startsWith("java."))
        .forEach(i -> out.addImport(i.clone()));
    ClassOrInterfaceDeclaration copy =
        out.addClass(type.getNameAsString(), Modifier.Keyword.PUBLIC, Modifier.Keyword.FINAL);
    copy.addConstructor(Modifier.Keyword.PRIVATE);
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (kept.contains(member)) {
        copy.addMember(member.clone());
      }
    }
    out.findAll(AnnotationExpr.class).forEach(Node::remove);
    out.getAllContainedComments().forEach(Comment::remove);
    return out.toString();
  }

  private static List<Subject> compilingSubjects(List<Subject> subjects, Path dir)
      throws IOException {
    List<Mutant> asMutants = new ArrayList<>();
    subjects.forEach(s -> asMutants.add(new Mutant(s, "original", s.source(), false)));
    return compiling(asMutants, dir).stream().map(Mutant::subject).toList();
  }

  /**
   * Those of the files that compile on their own: each batch compiled together (one directory per
   * file, so the same class name may appear many times), failing files dropped and the rest
   * compiled again.
   */
  static List<Mutant> compiling(List<Mutant> mutants, Path dir) throws IOException {
    List<Mutant> out = new ArrayList<>();
    int batch = 200;
    for (int start = 0; start < mutants.size(); start += batch) {
      List<Mutant> part = mutants.subList(start, Math.min(mutants.size(), start + batch));
      // javac needs distinct class names within one compilation: one compilation per distinct
      // name set, i.e. group by class and compile each round with at most one file per class
      Map<String, List<Integer>> byClass = new LinkedHashMap<>();
      for (int i = 0; i < part.size(); i++) {
        Mutant m = part.get(i);
        byClass
            .computeIfAbsent(
                m.subject().pkg() + "." + m.subject().className(), k -> new ArrayList<>())
            .add(i);
      }
      boolean[] ok = new boolean[part.size()];
      int rounds = byClass.values().stream().mapToInt(List::size).max().orElse(0);
      for (int round = 0; round < rounds; round++) {
        Map<Integer, Path> files = new LinkedHashMap<>();
        Path src = dir.resolve("b" + start + "-r" + round + "/src");
        for (List<Integer> indices : byClass.values()) {
          if (round < indices.size()) {
            int i = indices.get(round);
            Mutant m = part.get(i);
            Path file =
                src.resolve(m.subject().pkg().replace('.', '/'))
                    .resolve(m.subject().className() + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, m.source(), StandardCharsets.UTF_8);
            files.put(i, file.toAbsolutePath());
          }
        }
        Path classes = dir.resolve("b" + start + "-r" + round + "/classes");
        for (int attempt = 0; attempt < 4 && !files.isEmpty(); attempt++) {
          Compiler.Result result =
              Compiler.compile(List.copyOf(files.values()), classes, List.of());
          if (result.ok()) {
            files.keySet().forEach(i -> ok[i] = true);
            break;
          }
          boolean dropped = files.values().removeIf(p -> result.errors().containsKey(p));
          if (!dropped) {
            break;
          }
        }
      }
      for (int i = 0; i < part.size(); i++) {
        if (ok[i]) {
          out.add(part.get(i));
        }
      }
    }
    return out;
  }

  // ---- mutants

  /** Every one-statement mutant of the subject's method, one per site and bug kind. */
  static List<Mutant> mutants(Subject s) {
    List<Mutant> out = new ArrayList<>();
    int sites = sites(s);
    for (int i = 0; i < sites; i++) {
      int site = i;
      String[] kind = new String[1];
      String source = mutate(s, (method) -> kind[0] = apply(method, site));
      if (source != null && kind[0] != null && !source.equals(s.source())) {
        out.add(new Mutant(s, kind[0], source, false));
      }
    }
    return out;
  }

  private static String mutate(Subject s, Consumer<MethodDeclaration> change) {
    CompilationUnit unit = StaticJavaParserHolder.parse(s.source());
    MethodDeclaration m = target(unit, s);
    if (m == null) {
      return null;
    }
    change.accept(m);
    return unit.toString();
  }

  private static MethodDeclaration target(CompilationUnit unit, Subject s) {
    return unit.findAll(MethodDeclaration.class).stream()
        .filter(
            m ->
                m.getNameAsString().equals(s.method())
                    && m.isPublic()
                    && params(m).equals(s.params()))
        .findFirst()
        .orElse(null);
  }

  /** The number of mutation sites of the subject's method. */
  private static int sites(Subject s) {
    MethodDeclaration m = target(StaticJavaParserHolder.parse(s.source()), s);
    return m == null ? 0 : siteList(m).size();
  }

  /** Applies the mutation at {@code site}; returns its bug kind, or null when none applies. */
  private static String apply(MethodDeclaration m, int site) {
    List<Object[]> list = siteList(m);
    if (site >= list.size()) {
      return null;
    }
    Object[] chosen = list.get(site);
    ((Runnable) chosen[1]).run();
    return (String) chosen[0];
  }

  /** The mutation sites of a method, in a stable order: {kind, the change}. */
  private static List<Object[]> siteList(MethodDeclaration m) {
    List<Object[]> out = new ArrayList<>();
    BlockStmt body = m.getBody().orElseThrow();
    for (BinaryExpr b : body.findAll(BinaryExpr.class)) {
      BinaryExpr.Operator swapped = swap(b.getOperator());
      if (swapped != null) {
        out.add(new Object[] {"changed operator", (Runnable) () -> b.setOperator(swapped)});
      }
    }
    for (IntegerLiteralExpr i : body.findAll(IntegerLiteralExpr.class)) {
      try {
        int v = i.asNumber().intValue();
        out.add(
            new Object[] {
              "int literal +1",
              (Runnable) () -> i.replace(new IntegerLiteralExpr(Integer.toString(v + 1)))
            });
        if (v > 0) {
          out.add(
              new Object[] {
                "int literal -1",
                (Runnable) () -> i.replace(new IntegerLiteralExpr(Integer.toString(v - 1)))
              });
        }
      } catch (RuntimeException e) {
        // hexadecimal or out of range: left alone
      }
    }
    for (BooleanLiteralExpr b : body.findAll(BooleanLiteralExpr.class)) {
      out.add(new Object[] {"flipped boolean", (Runnable) () -> b.setValue(!b.getValue())});
    }
    for (UnaryExpr u : body.findAll(UnaryExpr.class)) {
      if (u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
        out.add(new Object[] {"dropped !", (Runnable) () -> u.replace(u.getExpression().clone())});
      }
    }
    for (IfStmt s : body.findAll(IfStmt.class)) {
      out.add(new Object[] {"added !", (Runnable) () -> s.setCondition(negate(s.getCondition()))});
    }
    for (WhileStmt s : body.findAll(WhileStmt.class)) {
      out.add(new Object[] {"added !", (Runnable) () -> s.setCondition(negate(s.getCondition()))});
    }
    for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
      if (c.getArguments().size() >= 2) {
        out.add(
            new Object[] {
              "swapped arguments",
              (Runnable)
                  () -> {
                    Expression a = c.getArgument(0).clone();
                    Expression b = c.getArgument(1).clone();
                    c.setArgument(0, b);
                    c.setArgument(1, a);
                  }
            });
      }
    }
    // wrong variable: a use of a parameter or local replaced by another of the same declared type
    Map<String, String> types = new LinkedHashMap<>();
    m.getParameters().forEach(p -> types.put(p.getNameAsString(), p.getType().asString()));
    body.findAll(VariableDeclarator.class)
        .forEach(v -> types.putIfAbsent(v.getNameAsString(), v.getType().asString()));
    for (NameExpr n : body.findAll(NameExpr.class)) {
      String type = types.get(n.getNameAsString());
      if (type == null
          || n.getParentNode()
              .filter(p -> p instanceof AssignExpr a && a.getTarget() == n)
              .isPresent()) {
        continue;
      }
      types.entrySet().stream()
          .filter(e -> e.getValue().equals(type) && !e.getKey().equals(n.getNameAsString()))
          .findFirst()
          .ifPresent(
              other ->
                  out.add(
                      new Object[] {"wrong variable", (Runnable) () -> n.setName(other.getKey())}));
    }
    return out;
  }

  private static Expression negate(Expression e) {
    return new UnaryExpr(new EnclosedExpr(e.clone()), UnaryExpr.Operator.LOGICAL_COMPLEMENT);
  }

  private static BinaryExpr.Operator swap(BinaryExpr.Operator op) {
    return switch (op) {
      case PLUS -> BinaryExpr.Operator.MINUS;
      case MINUS -> BinaryExpr.Operator.PLUS;
      case MULTIPLY -> BinaryExpr.Operator.DIVIDE;
      case DIVIDE -> BinaryExpr.Operator.MULTIPLY;
      case REMAINDER -> BinaryExpr.Operator.DIVIDE;
      case LESS -> BinaryExpr.Operator.LESS_EQUALS;
      case LESS_EQUALS -> BinaryExpr.Operator.LESS;
      case GREATER -> BinaryExpr.Operator.GREATER_EQUALS;
      case GREATER_EQUALS -> BinaryExpr.Operator.GREATER;
      case EQUALS -> BinaryExpr.Operator.NOT_EQUALS;
      case NOT_EQUALS -> BinaryExpr.Operator.EQUALS;
      case AND -> BinaryExpr.Operator.OR;
      case OR -> BinaryExpr.Operator.AND;
      case BINARY_AND -> BinaryExpr.Operator.BINARY_OR;
      case BINARY_OR -> BinaryExpr.Operator.BINARY_AND;
      case LEFT_SHIFT -> BinaryExpr.Operator.SIGNED_RIGHT_SHIFT;
      case SIGNED_RIGHT_SHIFT -> BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT;
      case UNSIGNED_RIGHT_SHIFT -> BinaryExpr.Operator.SIGNED_RIGHT_SHIFT;
      default -> null;
    };
  }

  /** Edits that keep behaviour: a renamed local, an extracted variable, a reordering. */
  static List<Mutant> preservingEdits(Subject s) {
    List<Mutant> out = new ArrayList<>();
    // rename a local (every use in the method)
    String renamed =
        mutate(
            s,
            m -> {
              List<VariableDeclarator> locals = m.findAll(VariableDeclarator.class);
              if (locals.isEmpty()) {
                return;
              }
              String name = locals.get(0).getNameAsString();
              String fresh = name + "Renamed";
              m.findAll(VariableDeclarator.class)
                  .forEach(
                      v -> {
                        if (v.getNameAsString().equals(name)) {
                          v.setName(fresh);
                        }
                      });
              m.findAll(NameExpr.class)
                  .forEach(
                      n -> {
                        if (n.getNameAsString().equals(name)) {
                          n.setName(fresh);
                        }
                      });
            });
    if (renamed != null && !renamed.equals(s.source())) {
      out.add(new Mutant(s, "renamed local", renamed, true));
    }
    // extract the first returned expression into a variable
    String extracted =
        mutate(
            s,
            m -> {
              for (ReturnStmt r : m.findAll(ReturnStmt.class)) {
                if (r.getExpression().isPresent()
                    && r.getParentNode().orElse(null) instanceof BlockStmt block
                    && !m.getType().isVoidType()) {
                  Expression e = r.getExpression().get();
                  VariableDeclarationExpr decl =
                      new VariableDeclarationExpr(
                          new VariableDeclarator(m.getType().clone(), "extracted", e.clone()));
                  int at = block.getStatements().indexOf(r);
                  block.addStatement(at, new ExpressionStmt(decl));
                  r.setExpression(new NameExpr("extracted"));
                  return;
                }
              }
            });
    if (extracted != null && !extracted.equals(s.source())) {
      out.add(new Mutant(s, "extracted variable", extracted, true));
    }
    // reorder two consecutive local declarations whose initialisers read neither's name and call
    // nothing
    String reordered =
        mutate(
            s,
            m -> {
              for (BlockStmt block : m.findAll(BlockStmt.class)) {
                NodeList<Statement> list = block.getStatements();
                for (int i = 0; i + 1 < list.size(); i++) {
                  if (independent(list.get(i), list.get(i + 1))) {
                    Statement a = list.get(i).clone();
                    Statement b = list.get(i + 1).clone();
                    list.set(i, b);
                    list.set(i + 1, a);
                    return;
                  }
                }
              }
            });
    if (reordered != null && !reordered.equals(s.source())) {
      out.add(new Mutant(s, "reordered statements", reordered, true));
    }
    return out;
  }

  private static boolean independent(Statement a, Statement b) {
    String na = declared(a);
    String nb = declared(b);
    if (na == null || nb == null) {
      return false;
    }
    return a.findAll(MethodCallExpr.class).isEmpty()
        && b.findAll(MethodCallExpr.class).isEmpty()
        && a.findAll(NameExpr.class).stream().noneMatch(n -> n.getNameAsString().equals(nb))
        && b.findAll(NameExpr.class).stream().noneMatch(n -> n.getNameAsString().equals(na))
        && a.findAll(AssignExpr.class).isEmpty()
        && b.findAll(AssignExpr.class).isEmpty()
        && a.findAll(UnaryExpr.class).stream()
            .noneMatch(
                u ->
                    u.getOperator().isPostfix()
                        || u.getOperator().isPrefix()
                            && u.getOperator() != UnaryExpr.Operator.MINUS
                            && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
                            && u.getOperator() != UnaryExpr.Operator.PLUS
                            && u.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT)
        && b.findAll(UnaryExpr.class).stream()
            .noneMatch(
                u ->
                    u.getOperator().isPostfix()
                        || u.getOperator().isPrefix()
                            && u.getOperator() != UnaryExpr.Operator.MINUS
                            && u.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
                            && u.getOperator() != UnaryExpr.Operator.PLUS
                            && u.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT);
  }

  /** The one variable a local declaration statement declares with an initialiser, or null. */
  private static String declared(Statement s) {
    if (s instanceof ExpressionStmt e
        && e.getExpression() instanceof VariableDeclarationExpr d
        && d.getVariables().size() == 1
        && d.getVariables().get(0).getInitializer().isPresent()) {
      return d.getVariables().get(0).getNameAsString();
    }
    return null;
  }

  // ---- the oracle

  /**
   * The mutants whose results differ from their original's on some of the same {@value
   * #ORACLE_INPUTS} seeded random inputs (a value, an exception class, a timeout).
   */
  static List<Mutant> oracle(List<Mutant> mutants, Path dir, long seed)
      throws IOException, InterruptedException {
    Map<Subject, List<Mutant>> bySubject = new LinkedHashMap<>();
    mutants.forEach(m -> bySubject.computeIfAbsent(m.subject(), k -> new ArrayList<>()).add(m));
    List<Mutant> out = new ArrayList<>();
    List<Map.Entry<Subject, List<Mutant>>> entries = new ArrayList<>(bySubject.entrySet());
    int batch = 20; // subjects per sandboxed JVM
    for (int start = 0; start < entries.size(); start += batch) {
      List<Map.Entry<Subject, List<Mutant>>> part =
          entries.subList(start, Math.min(entries.size(), start + batch));
      List<String[]> versions = new ArrayList<>(); // {package, class, source, probe}
      for (int i = 0; i < part.size(); i++) {
        Subject s = part.get(i).getKey();
        List<String> calls = oracleCalls(s, seed);
        List<String> sources = new ArrayList<>(List.of(s.source()));
        part.get(i).getValue().forEach(m -> sources.add(m.source()));
        for (int v = 0; v < sources.size(); v++) {
          String pkg = "attentive.oracle.s" + (start + i) + ".v" + v;
          versions.add(
              new String[] {
                pkg,
                s.className(),
                repackage(sources.get(v), pkg),
                probe(pkg, s, sources.get(v), calls)
              });
        }
      }
      Map<String, List<String>> results = observe(versions, dir.resolve("b" + start));
      for (int i = 0; i < part.size(); i++) {
        List<String> original = results.get("attentive.oracle.s" + (start + i) + ".v0");
        if (original == null) {
          continue;
        }
        List<Mutant> ms = part.get(i).getValue();
        for (int v = 1; v <= ms.size(); v++) {
          List<String> r = results.get("attentive.oracle.s" + (start + i) + ".v" + v);
          if (r != null && !r.equals(original)) {
            out.add(ms.get(v - 1));
          }
        }
      }
    }
    return out;
  }

  /** The cut-out file in another package (it names only the JDK and its own members). */
  static String repackage(String source, String pkg) {
    String body = source.replaceFirst("(?s)^\\s*package [\\w.]+;", "");
    return "package " + pkg + ";\n" + body;
  }

  private static String probe(String pkg, Subject s, String source, List<String> calls) {
    StringBuilder probe = new StringBuilder("package " + pkg + ";\n");
    probe
        .append("public final class AttentiveOracle {\n")
        .append("  public static final Object VOID = new Object();\n")
        .append("  public static java.util.List<java.util.concurrent.Callable<Object>> cases() {\n")
        .append(
            "    java.util.List<java.util.concurrent.Callable<Object>> c = new"
                + " java.util.ArrayList<>();\n");
    boolean isVoid = target(StaticJavaParserHolder.parse(s.source()), s).getType().isVoidType();
    for (String call : calls) {
      probe.append(
          isVoid
              ? "    c.add(() -> { " + call + "; return VOID; });\n"
              : "    c.add(() -> " + call + ");\n");
    }
    return probe.append("    return c;\n  }\n}\n").toString();
  }

  /**
   * Compiles the versions ({package, class, source, probe}) and runs their probes in one sandboxed
   * JVM: per package the results as rendered (the same behaviour: the same value, or the same
   * exception class), or none when it did not compile.
   */
  private static Map<String, List<String>> observe(List<String[]> versions, Path dir)
      throws IOException, InterruptedException {
    Map<Integer, Path> files = new LinkedHashMap<>();
    List<Path> all = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      String[] v = versions.get(i);
      Path src = dir.resolve("src").resolve(v[0].replace('.', '/'));
      Files.createDirectories(src);
      Path file = Files.writeString(src.resolve(v[1] + ".java"), v[2]);
      Path probe = Files.writeString(src.resolve("AttentiveOracle.java"), v[3]);
      files.put(i, probe.toAbsolutePath());
      all.add(file.toAbsolutePath());
      all.add(probe.toAbsolutePath());
    }
    Path classes = dir.resolve("classes");
    Set<Integer> failed = new HashSet<>();
    for (int attempt = 0; attempt < 4; attempt++) {
      List<Path> left = new ArrayList<>();
      for (int i = 0; i < versions.size(); i++) {
        if (!failed.contains(i)) {
          left.add(all.get(2 * i));
          left.add(all.get(2 * i + 1));
        }
      }
      if (left.isEmpty()) {
        break;
      }
      Compiler.Result result = Compiler.compile(left, classes, List.of());
      if (result.ok()) {
        break;
      }
      boolean dropped = false;
      for (int i = 0; i < versions.size(); i++) {
        if (!failed.contains(i)
            && (result.errors().containsKey(all.get(2 * i))
                || result.errors().containsKey(all.get(2 * i + 1)))) {
          failed.add(i);
          dropped = true;
        }
      }
      if (!dropped) {
        System.err.println("oracle batch does not compile: " + result.firstError());
        return Map.of();
      }
    }
    List<String> left = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      if (!failed.contains(i)) {
        left.add(versions.get(i)[0]);
      }
    }
    Map<String, List<String>> out = new HashMap<>();
    for (int attempt = 0; !left.isEmpty() && attempt <= versions.size(); attempt++) {
      List<String> args = new ArrayList<>(List.of("observe", "300"));
      left.forEach(pkg -> args.add(pkg + ".AttentiveOracle"));
      Path work = Files.createDirectories(dir.resolve("work-" + attempt));
      Sandbox.Run run = new Sandbox(Duration.ofMinutes(5), 256).run(work, classes, args);
      int last = -1; // the last version this run wrote a result for
      for (String line : run.lines()) {
        String[] f = line.split("\t", 4);
        if (f.length == 4 && f[0].equals("R")) {
          String pkg = f[1].substring(0, f[1].length() - ".AttentiveOracle".length());
          List<String> results =
              out.computeIfAbsent(
                  pkg, k -> new ArrayList<>(Collections.nCopies(ORACLE_INPUTS, "MISSING")));
          Observation o = Observation.parse(f[3]);
          results.set(
              Integer.parseInt(f[2]),
              o.status().equals("THREW") || o.status().equals("BROKEN")
                  ? o.status() + " " + o.kind()
                  : o.status() + " " + o.kind() + " " + o.expression());
          last = Math.max(last, left.indexOf(pkg));
        }
      }
      if (run.outcome() == Sandbox.Outcome.COMPLETED) {
        break;
      }
      // A version ended the JVM (out of memory, a crash, an exit, the time limit): that is its
      // behaviour; the versions after it run again in a JVM of their own.
      int culprit = last < 0 ? 0 : out.get(left.get(last)).contains("MISSING") ? last : last + 1;
      if (culprit >= left.size()) {
        break;
      }
      String pkg = left.get(culprit);
      if (pkg.endsWith(".v0")) {
        out.remove(pkg); // the original itself: its mutants are not judged
      } else {
        List<String> results =
            out.computeIfAbsent(
                pkg, k -> new ArrayList<>(Collections.nCopies(ORACLE_INPUTS, "MISSING")));
        String ended = "ENDED " + run.outcome();
        results.replaceAll(r -> r.equals("MISSING") ? ended : r);
      }
      left = new ArrayList<>(left.subList(culprit + 1, left.size()));
    }
    return out;
  }

  /**
   * The oracle's calls of the subject's method, as Java expressions: per parameter type the same
   * random values for every method (seeded by the seed and the type, not by the method).
   */
  static List<String> oracleCalls(Subject s, long seed) {
    CompilationUnit unit = StaticJavaParserHolder.parse(s.source());
    MethodDeclaration m = target(unit, s);
    if (m == null) {
      return null;
    }
    List<List<String>> perParam = new ArrayList<>();
    Map<String, Integer> typeUses = new HashMap<>();
    for (Parameter p : m.getParameters()) {
      String type = p.getType().asString();
      int use = typeUses.merge(type, 1, Integer::sum);
      perParam.add(randomValues(type, seed * 31 + type.hashCode() * 7L + use));
    }
    List<String> calls = new ArrayList<>();
    for (int i = 0; i < ORACLE_INPUTS; i++) {
      List<String> args = new ArrayList<>();
      for (List<String> values : perParam) {
        args.add(values.get(i));
      }
      calls.add(s.className() + "." + s.method() + "(" + String.join(", ", args) + ")");
    }
    return calls;
  }

  /** {@value #ORACLE_INPUTS} random values of a plain type, as Java expressions. */
  static List<String> randomValues(String type, long seed) {
    Random r = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < ORACLE_INPUTS; i++) {
      out.add(randomValue(type, r));
    }
    return out;
  }

  private static String randomValue(String type, Random r) {
    if (type.endsWith("[]")) {
      String element = type.substring(0, type.length() - 2);
      if (r.nextInt(10) == 0) {
        return "(" + type + ") null";
      }
      int n = r.nextInt(6);
      List<String> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(randomValue(element, r));
      }
      return "new " + element + "[] {" + String.join(", ", items) + "}";
    }
    return switch (type) {
      case "int" -> Integer.toString(smallOrAny(r));
      case "long" -> smallOrAny(r) + "L";
      case "short" -> "(short) " + (short) smallOrAny(r);
      case "byte" -> "(byte) " + (byte) smallOrAny(r);
      case "char" ->
          Render.scalar((char) (r.nextInt(4) == 0 ? r.nextInt(0x3000) : 32 + r.nextInt(95)));
      case "boolean" -> Boolean.toString(r.nextBoolean());
      case "double" ->
          Render.scalar(r.nextInt(3) == 0 ? r.nextGaussian() * 1e6 : (double) smallOrAny(r) / 4);
      case "float" -> Render.scalar((float) smallOrAny(r) / 4);
      case "String" -> {
        if (r.nextInt(12) == 0) {
          yield "(String) null";
        }
        int n = r.nextInt(12);
        StringBuilder s = new StringBuilder();
        String alphabet = "abcXYZ019 ._-/\\:;,\"'\t\n#@%&*()[]{}<>=+?!$";
        for (int i = 0; i < n; i++) {
          s.append(
              r.nextInt(8) == 0
                  ? (char) (0xa0 + r.nextInt(0x200))
                  : alphabet.charAt(r.nextInt(alphabet.length())));
        }
        yield Render.quote(s.toString());
      }
      default -> throw new IllegalArgumentException(type);
    };
  }

  /** Mostly small numbers (where behaviour turns), sometimes any. */
  private static int smallOrAny(Random r) {
    return switch (r.nextInt(4)) {
      case 0 -> r.nextInt();
      case 1 -> r.nextInt(2001) - 1000;
      default -> r.nextInt(41) - 20;
    };
  }

  // ---- sources jars

  static Path fetch(String mavenRepo, Path cache, String gav)
      throws IOException, InterruptedException {
    String[] p = gav.split(":");
    String relative =
        p[0].replace('.', '/') + "/" + p[1] + "/" + p[2] + "/" + p[1] + "-" + p[2] + "-sources.jar";
    Path jar = cache.resolve(relative);
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    Files.createDirectories(jar.getParent());
    Path part = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".part");
    try {
      HttpClient http =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(20))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
      String base = mavenRepo.endsWith("/") ? mavenRepo : mavenRepo + "/";
      HttpResponse<Path> got =
          http.send(
              HttpRequest.newBuilder(URI.create(base + relative))
                  .timeout(Duration.ofMinutes(2))
                  .build(),
              HttpResponse.BodyHandlers.ofFile(part));
      if (got.statusCode() != 200) {
        throw new FileNotFoundException(base + relative + ": HTTP " + got.statusCode());
      }
      Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
    return jar;
  }

  static Map<String, String> javaFiles(Path jar) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile(), StandardCharsets.UTF_8)) {
      List<? extends ZipEntry> entries =
          zip.stream()
              .filter(e -> !e.isDirectory() && e.getName().endsWith(".java"))
              .sorted(Comparator.comparing(ZipEntry::getName))
              .toList();
      for (ZipEntry e : entries) {
        try (InputStream in = zip.getInputStream(e)) {
          out.put(e.getName(), new String(in.readNBytes(4 << 20), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // left for the OS to clean
                }
              });
    } catch (IOException e) {
      // left for the OS to clean
    }
  }

  /** One parser configuration for the cut-out files (Java 17). */
  private static final class StaticJavaParserHolder {
    static CompilationUnit parse(String source) {
      return new JavaParser(
              new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
          .parse(source)
          .getResult()
          .orElseThrow();
    }
  }
}
