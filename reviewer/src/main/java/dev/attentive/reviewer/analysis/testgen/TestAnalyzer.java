package dev.attentive.reviewer.analysis.testgen;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.ChangedLines;
import dev.attentive.reviewer.analysis.SourceContext;
import dev.attentive.reviewer.analysis.dependencies.DependencyResolver;
import dev.attentive.reviewer.analysis.testgen.Inputs.Case;
import dev.attentive.reviewer.analysis.testgen.TestSources.Context;
import dev.attentive.reviewer.analysis.testgen.TestSources.TestCase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Proposes JUnit 5 tests for the public and package-private methods and constructors a pull request
 * adds or changes in a Java file ({@link MethodFinder}), with inputs chosen from each method's
 * signature and body ({@link Inputs}), verified before they are suggested:
 *
 * <ul>
 *   <li>The file is compiled on its own with javac (annotation processing off) into a private
 *       temporary directory; a file that needs other classes of its project cannot be, and its
 *       tests are posted as "not verified".
 *   <li><b>Execution off</b> (the default): one test per input that calls the method and accepts
 *       only an exception the method declares or throws itself; they are compiled against the file
 *       ("compiled, not executed") but pin nothing, so they are not posted. Nothing of the pull
 *       request runs.
 *   <li><b>Execution on</b>: a probe calls the method with every input in a {@link Sandbox} JVM and
 *       records what it returned or threw; tests pinning those observations (assertEquals /
 *       assertThrows / ...) are compiled and run in the sandbox with the JUnit Platform launcher,
 *       and only those that pass on head are proposed ("compiled and passed on head"). When the
 *       base version of the file (rebuilt by {@link BaseContent}) compiles too, the same probe runs
 *       against it; every input whose result differs is reported in a separate {@code
 *       tests/behaviour-change} suggestion (WARNING) with the tests pinning the new behaviour.
 * </ul>
 *
 * <p>Only verified tests go inline: one {@code TEST} suggestion per method (rule {@code
 * tests/verified}) when its tests passed on head and at least one pins a value or an exception
 * ({@link #postable}); anchored on the line of the method's name, the test class in a collapsed
 * {@code <details>} block. The other methods of the file are named, with why, in one note for the
 * review's summary ({@link Report#notes}, via {@link Analyzer.Findings}). With execution on, the
 * probe tries up to {@link Inputs#PROBE_BUDGET} inputs per method ({@link Inputs#probes}) and the
 * behaviour change is reported with its smallest differing input. Thread-safe: every call works in
 * its own temporary directory, which it deletes.
 */
public final class TestAnalyzer implements Analyzer {

  public static final String ID = "tests";
  public static final String VERIFIED_RULE = "tests/verified";
  public static final String COMPILED_RULE = "tests/compiled";
  public static final String UNVERIFIED_RULE = "tests/unverified";
  public static final String BEHAVIOUR_RULE = "tests/behaviour-change";

  static final String PASSED = "compiled and passed on head";
  static final String NOT_EXECUTED = "compiled, not executed";

  /** Behaviour changes a suggestion names at most (the smallest inputs). */
  static final int MAX_CHANGES = 5;

  /** Behaviour changes a suggestion states and pins (the smallest inputs). */
  static final int PINNED_CHANGES = 3;

  private static final System.Logger LOG = System.getLogger(TestAnalyzer.class.getName());

  /** Sandboxed JVMs at once, across all analyzer instances: they are CPU-heavy. */
  private static final Semaphore JVMS =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

  /** Packages of the trusted classpath the tests compile against (JUnit, the runner). */
  private static final List<String> TRUSTED_PACKAGES =
      List.of("org.junit", "org.opentest4j", "org.apiguardian", "org.jspecify", "dev.attentive");

  private final TestsConfig config;
  private final SandboxRunner runner;

  /** The repository's declared Maven dependencies; null: not resolved (the default). */
  private final DependencyResolver dependencies;

  public TestAnalyzer(TestsConfig config) {
    this(config, null);
  }

  /**
   * @param runner where sandboxed runs happen; null: a local {@link Sandbox} ({@link
   *     SandboxRunner#local})
   */
  public TestAnalyzer(TestsConfig config, SandboxRunner runner) {
    this(config, runner, null);
  }

  private TestAnalyzer(TestsConfig config, SandboxRunner runner, DependencyResolver dependencies) {
    this.config = config == null ? TestsConfig.defaults() : config;
    this.runner = runner == null ? SandboxRunner.local(this.config) : runner;
    this.dependencies = dependencies;
  }

  /**
   * This analyzer, with the dependencies declared by the changed file's {@code pom.xml} (ingest
   * attaches the nearest one) resolved onto javac's and the sandbox's classpath when the context
   * has no classpath of its own.
   */
  public TestAnalyzer withDependencies(DependencyResolver dependencies) {
    return new TestAnalyzer(config, runner, dependencies);
  }

  public TestAnalyzer() {
    this(TestsConfig.defaults());
  }

  @Override
  public String id() {
    return ID;
  }

  public TestsConfig config() {
    return config;
  }

  /** With execution as {@link #executionFor} decides for the chunk's repository. */
  @Override
  public List<Suggestion> analyze(PullRequestDiffChunk chunk) throws Exception {
    return analyze(chunk, executionFor(chunk));
  }

  /**
   * Whether tests run for this chunk: the deployment's {@code execution.enabled} bounds the
   * repository's {@code .attentive.yml} {@code tests.execute}, which can turn execution off but on
   * only where the deployment enabled it; without a setting the deployment's value applies.
   */
  public boolean executionFor(PullRequestDiffChunk chunk) {
    Boolean repository = chunk.settings() == null ? null : chunk.settings().testsExecute();
    return config.execution() && (repository == null || repository);
  }

  /**
   * As {@link #analyze(PullRequestDiffChunk)}, with execution on or off for this call only (e.g.
   * from a repository's own configuration). Turning it on here runs the pull request's code in the
   * sandbox.
   */
  public List<Suggestion> analyze(PullRequestDiffChunk chunk, boolean execute) throws Exception {
    return report(chunk, execute).suggestions();
  }

  /**
   * The suggestions, and one note for the summary naming the changed methods that got none; with
   * the repository's files around the changed one on the source path (javac compiles the classes it
   * needs from them, head and base each against their own side).
   */
  @Override
  public Findings findings(
      PullRequestDiffChunk chunk,
      RepositorySettings settings,
      RepositoryProfile profile,
      SourceContext sources)
      throws Exception {
    Report report = report(chunk, executionFor(chunk), sources);
    return new Findings(report.suggestions(), report.notes());
  }

  /**
   * What one file got: the suggestions, per method how its tests were verified, and the sandboxed
   * JVM runs (for tests and benchmarks).
   */
  public record Report(
      List<Suggestion> suggestions,
      List<MethodReport> methods,
      List<Sandbox.Run> runs,
      List<String> notes) {

    static Report empty() {
      return new Report(List.of(), List.of(), List.of(), List.of());
    }
  }

  /**
   * @param verification {@link #PASSED}, {@link #NOT_EXECUTED} or "not verified: why"
   * @param tests the test cases proposed
   * @param changes the behaviour changes found (execution on, base compiled)
   * @param testSource the proposed test class
   */
  public record MethodReport(
      TargetMethod method,
      String verification,
      List<TestCase> tests,
      List<BehaviourChange> changes,
      String testSource) {}

  /**
   * An input whose result differs between base and head.
   *
   * @param newTest the assertion that pins what head does (it passed on head)
   * @param oldTest the assertion that pins what base did (it fails on head)
   */
  public record BehaviourChange(
      String call, Observation before, Observation after, String newTest, String oldTest) {

    /** "`f(3, 1)` returned `3` before this change and `1` after." */
    public String headline() {
      return "`"
          + call
          + "` "
          + past(before)
          + " before this change and "
          + (after.status().equals("VALUE") ? after.describe() : present(after))
          + " after.";
    }

    /**
     * "This PR changes what `f(x)` returns from `A` to `B`." (or what it does, when an exception is
     * involved)
     */
    public String sentence() {
      if (before.status().equals("VALUE") && after.status().equals("VALUE")) {
        return "This PR changes what `"
            + call
            + "` returns from "
            + before.describe()
            + " to "
            + after.describe()
            + ".";
      }
      return "This PR changes what `"
          + call
          + "` does: it "
          + past(before)
          + ", now it "
          + present(after)
          + ".";
    }

    private static String present(Observation o) {
      return o.status().equals("VALUE") ? "returns " + o.describe() : o.describe();
    }

    private static String past(Observation o) {
      return switch (o.status()) {
        case "VALUE" -> "returned " + o.describe();
        case "THREW" -> "threw `" + o.kind() + "`";
        case "VOID" -> "returned normally";
        default -> o.describe();
      };
    }
  }

  public Report report(PullRequestDiffChunk chunk, boolean execute) throws Exception {
    return report(chunk, execute, SourceContext.NONE);
  }

  public Report report(PullRequestDiffChunk chunk, boolean execute, SourceContext sources)
      throws Exception {
    if (!"java".equals(chunk.language())) {
      return Report.empty();
    }
    String content = ChangedLines.newContent(chunk);
    ChangedLines added = ChangedLines.of(chunk);
    if (content == null || added.isEmpty()) {
      return Report.empty();
    }
    MethodFinder.Found found = MethodFinder.find(content, added);
    if (found.methods().isEmpty()) {
      return Report.empty();
    }
    List<TargetMethod> methods =
        found.methods().subList(0, Math.min(found.methods().size(), config.maxMethodsPerFile()));
    List<String> dependencyNotes = new ArrayList<>();
    sources = withDependencies(chunk, sources, dependencyNotes);
    Context ctx = context(found.unit());
    Path work = Files.createTempDirectory("attentive-tests-");
    try {
      Run run =
          new Run(
              chunk,
              content,
              ctx,
              methods,
              MethodFinder.builders(found.unit()),
              work,
              execute,
              sources);
      List<MethodReport> reports = run.reports();
      List<Suggestion> suggestions = suggestions(chunk, content, reports);
      List<String> notes = new ArrayList<>(notes(chunk, reports));
      notes.addAll(dependencyNotes);
      return new Report(suggestions, reports, List.copyOf(run.runs), List.copyOf(notes));
    } finally {
      deleteTree(work);
    }
  }

  /**
   * {@code sources} with the jars of the dependencies its nearest {@code pom.xml} declares on the
   * classpath, when this analyzer resolves them and the context brings no classpath of its own;
   * what was left out goes to {@code notes}.
   */
  private SourceContext withDependencies(
      PullRequestDiffChunk chunk, SourceContext sources, List<String> notes)
      throws InterruptedException {
    if (dependencies == null || !sources.classpath().isEmpty()) {
      return sources;
    }
    String pom = nearestPom(chunk.path(), sources.head());
    if (pom == null) {
      return sources;
    }
    DependencyResolver.Resolution resolved = dependencies.resolve(sources.head().get(pom));
    resolved.notes().forEach(n -> notes.add("Dependencies of " + pom + ": " + n));
    if (resolved.classpath().isEmpty()) {
      return sources;
    }
    return new SourceContext(
        sources.head(),
        sources.base(),
        sources.headRoots(),
        resolved.classpath(),
        sources.baseRoots());
  }

  /** The {@code pom.xml} among {@code files} in the changed file's directory or nearest above. */
  static String nearestPom(String changed, Map<String, String> files) {
    String dir = changed;
    while (true) {
      int slash = dir.lastIndexOf('/');
      dir = slash < 0 ? "" : dir.substring(0, slash);
      String pom = dir.isEmpty() ? "pom.xml" : dir + "/pom.xml";
      if (files.containsKey(pom)) {
        return pom;
      }
      if (dir.isEmpty()) {
        return null;
      }
    }
  }

  private static Context context(CompilationUnit unit) {
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    List<String> imports = unit.getImports().stream().map(i -> i.toString().strip()).toList();
    Set<String> types = new HashSet<>();
    for (TypeDeclaration<?> t : unit.getTypes()) {
      types.add(t.getNameAsString());
    }
    return new Context(pkg, imports, types);
  }

  /** One file's work: compile, observe, generate, run. */
  private final class Run {
    final PullRequestDiffChunk chunk;

    /** The file's own classes' constructors and factories, for the probe's object inputs. */
    final Map<String, List<String>> builders;

    final String content;
    final Context ctx;
    final List<TargetMethod> methods;
    final Path work;
    final boolean execute;
    final SourceContext sources;
    final String fileName;
    final List<String> classNames = new ArrayList<>();

    /** Per method: the probe's inputs, the proposed tests' cases first ({@link Inputs#probes}). */
    final List<List<Case>> cases = new ArrayList<>();

    /** Per method: how many of its cases are the proposed tests' ({@link Inputs#cases}). */
    final List<Integer> testCases = new ArrayList<>();

    final List<Sandbox.Run> runs = new ArrayList<>();

    Run(
        PullRequestDiffChunk chunk,
        String content,
        Context ctx,
        List<TargetMethod> methods,
        Map<String, List<String>> builders,
        Path work,
        boolean execute,
        SourceContext sources) {
      this.chunk = chunk;
      this.sources = sources;
      this.builders = builders;
      this.content = content;
      this.ctx = ctx;
      this.methods = methods;
      this.work = work;
      this.execute = execute;
      this.fileName = fileName(chunk.path());
      Set<String> names = new HashSet<>();
      for (TargetMethod m : methods) {
        String name = TestSources.testClassName(m);
        for (int n = 2; !names.add(name); n++) {
          name = TestSources.testClassName(m).replaceFirst("Test$", n + "Test");
        }
        classNames.add(name);
        List<Case> tests = Inputs.cases(m, config.maxCasesPerMethod(), execute);
        testCases.add(tests.size());
        cases.add(
            execute
                ? Inputs.probes(
                    m,
                    Inputs.DiffValues.of(chunk, m),
                    builders,
                    config.maxCasesPerMethod(),
                    Inputs.PROBE_BUDGET,
                    true)
                : tests);
      }
    }

    List<MethodReport> reports() throws IOException, InterruptedException {
      List<MethodReport> out = new ArrayList<>();
      if (!Compiler.available()) {
        return unverified(
            "this runtime has no Java compiler (the reviewer needs a JDK to verify tests)");
      }
      if (!execute) {
        Map<Integer, List<TestCase>> together = smokeTestsIfAllCompileTogether();
        if (together != null) {
          for (int i = 0; i < methods.size(); i++) {
            String source = TestSources.testClass(ctx, classNames.get(i), together.get(i));
            out.add(
                new MethodReport(methods.get(i), NOT_EXECUTED, together.get(i), List.of(), source));
          }
          return out;
        }
      }
      Path headClasses = work.resolve("classes-head");
      Compiler.Result head = compileFile(content, "src-head", headClasses);
      if (!head.ok()) {
        return unverified(SourceTrees.compileProblem(fileName, sources, head.errors().values()));
      }
      if (!execute) {
        Map<Integer, List<TestCase>> tests = new LinkedHashMap<>();
        for (int i = 0; i < methods.size(); i++) {
          tests.put(i, TestSources.smokeTests(ctx, methods.get(i), cases.get(i)));
        }
        Map<Integer, String> failed = compileTests(tests, "src-tests", headClasses);
        for (int i = 0; i < methods.size(); i++) {
          String source = TestSources.testClass(ctx, classNames.get(i), tests.get(i));
          String verification =
              failed.containsKey(i)
                  ? "not verified: the generated tests do not compile (" + failed.get(i) + ")"
                  : NOT_EXECUTED;
          out.add(new MethodReport(methods.get(i), verification, tests.get(i), List.of(), source));
        }
        return out;
      }

      // Observe head (and base, when it compiles), then pin what head did.
      Map<Integer, String> probes = probeSources();
      Map<Integer, List<Observation>> onHead = observe(probes, headClasses, "head");
      Map<Integer, List<Observation>> onBase = Map.of();
      String base = BaseContent.of(chunk);
      if (base != null && !base.equals(content)) {
        Path baseClasses = work.resolve("classes-base");
        if (compileFile(base, "src-base", baseClasses).ok()) {
          onBase = observe(probes, baseClasses, "base");
        }
      }
      Map<Integer, List<TestCase>> tests = new LinkedHashMap<>();
      Map<Integer, String> problems = new HashMap<>();
      for (int i = 0; i < methods.size(); i++) {
        List<Observation> observed = onHead.get(i);
        if (observed == null) {
          problems.put(
              i,
              "its inputs could not be observed on head ("
                  + observeProblem.getOrDefault(i, "no result")
                  + ")");
          continue;
        }
        // The proposed tests' cases, and the smallest inputs whose result base and head differ on.
        Set<Integer> chosen = new HashSet<>();
        for (int k = 0; k < testCases.get(i); k++) {
          chosen.add(k);
        }
        differing(i, onBase.get(i), observed).stream().limit(MAX_CHANGES).forEach(chosen::add);
        tests.put(
            i,
            TestSources.observedTests(methods.get(i), cases.get(i), observed).stream()
                .filter(t -> chosen.contains(t.caseIndex()))
                .toList());
      }
      Map<Integer, String> failed = compileTests(tests, "src-tests", headClasses);
      failed.forEach(
          (i, why) -> problems.put(i, "the generated tests do not compile (" + why + ")"));
      Map<String, String> results = runTests(tests, failed.keySet(), headClasses);

      for (int i = 0; i < methods.size(); i++) {
        TargetMethod m = methods.get(i);
        if (problems.containsKey(i)) {
          out.add(
              new MethodReport(
                  m,
                  "not verified: " + problems.get(i),
                  tests.getOrDefault(i, List.of()),
                  List.of(),
                  TestSources.testClass(ctx, classNames.get(i), tests.getOrDefault(i, List.of()))));
          continue;
        }
        String cls = qualified(classNames.get(i));
        List<TestCase> passed =
            tests.get(i).stream()
                .filter(t -> "SUCCESSFUL".equals(results.get(cls + "#" + t.name())))
                .toList();
        List<BehaviourChange> changes = new ArrayList<>();
        List<Observation> before = onBase.get(i);
        if (before != null) {
          List<Observation> after = onHead.get(i);
          Set<Integer> pinned = new HashSet<>();
          passed.forEach(t -> pinned.add(t.caseIndex()));
          for (int k : differing(i, before, after)) {
            if (pinned.contains(k)) {
              String call = TestSources.call(m, cases.get(i).get(k));
              changes.add(
                  new BehaviourChange(
                      cases.get(i).get(k).label(),
                      before.get(k),
                      after.get(k),
                      TestSources.assertion(m, call, after.get(k)),
                      TestSources.assertion(m, call, before.get(k))));
            }
          }
        }
        if (passed.isEmpty()) {
          String why =
              tests.get(i).isEmpty()
                  ? "no input gave a result a test can pin (timeouts or denials)"
                  : "none of the "
                      + tests.get(i).size()
                      + " generated tests passed on head"
                      + runProblem.map(p -> " (" + p + ")").orElse("");
          out.add(
              new MethodReport(
                  m,
                  "not verified: " + why,
                  tests.get(i),
                  List.of(),
                  TestSources.testClass(ctx, classNames.get(i), tests.get(i))));
        } else {
          out.add(
              new MethodReport(
                  m,
                  PASSED,
                  passed,
                  List.copyOf(changes),
                  TestSources.testClass(ctx, classNames.get(i), passed)));
        }
      }
      return out;
    }

    /**
     * The cases of method {@code i} whose results base and head differ on (both comparable),
     * smallest input first.
     */
    private List<Integer> differing(int i, List<Observation> before, List<Observation> after) {
      if (before == null || after == null) {
        return List.of();
      }
      List<Integer> out = new ArrayList<>();
      for (int k = 0; k < after.size() && k < before.size(); k++) {
        Observation b = before.get(k);
        Observation a = after.get(k);
        if (b != null && a != null && b.comparable() && a.comparable() && !b.sameAs(a)) {
          out.add(k);
        }
      }
      out.sort(Inputs.smallestFirst(cases.get(i)));
      return out;
    }

    private final Map<Integer, String> observeProblem = new HashMap<>();
    private java.util.Optional<String> runProblem = java.util.Optional.empty();

    private List<MethodReport> unverified(String why) {
      List<MethodReport> out = new ArrayList<>();
      for (int i = 0; i < methods.size(); i++) {
        List<TestCase> tests =
            TestSources.smokeTests(
                ctx,
                methods.get(i),
                Inputs.cases(methods.get(i), config.maxCasesPerMethod(), false));
        out.add(
            new MethodReport(
                methods.get(i),
                "not verified: " + why,
                tests,
                List.of(),
                TestSources.testClass(ctx, classNames.get(i), tests)));
      }
      return out;
    }

    /**
     * Execution off, the usual case in one javac task instead of two: the file and the smoke tests
     * of all its methods checked together (no class files). Null when that is not a clean yes, or
     * could differ from the file compiled on its own (it names a generated test class or something
     * on the trusted classpath): then the file and its tests are compiled apart as before.
     */
    private Map<Integer, List<TestCase>> smokeTestsIfAllCompileTogether() throws IOException {
      if (!sources.isEmpty()) {
        return null; // the check has no source path: the file's neighbours take the two-step path
      }
      for (String name : classNames) {
        if (content.contains(name)) {
          return null;
        }
      }
      for (String prefix : TRUSTED_PACKAGES) {
        if (content.contains(prefix)) {
          return null;
        }
      }
      Map<Integer, List<TestCase>> tests = new LinkedHashMap<>();
      List<Path> files = new ArrayList<>();
      Path head = sourcePath("src-together", fileName.substring(0, fileName.length() - 5));
      Files.writeString(head, content, StandardCharsets.UTF_8);
      files.add(head);
      for (int i = 0; i < methods.size(); i++) {
        List<TestCase> t = TestSources.smokeTests(ctx, methods.get(i), cases.get(i));
        tests.put(i, t);
        if (!t.isEmpty()) {
          Path file = sourcePath("src-together", classNames.get(i));
          Files.writeString(
              file, TestSources.testClass(ctx, classNames.get(i), t), StandardCharsets.UTF_8);
          files.add(file);
        }
      }
      Compiler.Result r =
          Compiler.check(files, Sandbox.trustedClasspath(), work.resolve("classes-together"));
      return r.ok() ? tests : null;
    }

    private Compiler.Result compileFile(String text, String srcDir, Path classes)
        throws IOException {
      Path source = sourcePath(srcDir, fileName.substring(0, fileName.length() - ".java".length()));
      Files.writeString(source, text, StandardCharsets.UTF_8);
      if (sources.isEmpty()) {
        return Compiler.compile(List.of(source), classes, List.of());
      }
      // The file's neighbours beside it, by package: javac takes from them what the file needs.
      boolean base = srcDir.equals("src-base");
      Path root = work.resolve(srcDir);
      SourceTrees.write(root, base ? sources.base() : Map.of(), sources.head(), chunk.path());
      List<Path> sourcepath = new ArrayList<>(List.of(root));
      sourcepath.addAll(
          base && !sources.baseRoots().isEmpty() ? sources.baseRoots() : sources.headRoots());
      return Compiler.compile(List.of(source), classes, sources.classpath(), sourcepath);
    }

    private Path sourcePath(String srcDir, String className) throws IOException {
      Path dir = work.resolve(srcDir);
      if (!ctx.packageName().isEmpty()) {
        dir = dir.resolve(ctx.packageName().replace('.', '/'));
      }
      Files.createDirectories(dir);
      return dir.resolve(className + ".java");
    }

    private String qualified(String simple) {
      return ctx.packageName().isEmpty() ? simple : ctx.packageName() + "." + simple;
    }

    private Map<Integer, String> probeSources() {
      Map<Integer, String> out = new LinkedHashMap<>();
      for (int i = 0; i < methods.size(); i++) {
        out.put(i, TestSources.probe(ctx, probeName(i), methods.get(i), cases.get(i)));
      }
      return out;
    }

    private String probeName(int i) {
      return "AttentiveProbe" + i + "_" + methods.get(i).identifier();
    }

    /**
     * Compiles the probes against {@code classes} (dropping those that do not compile, e.g. a
     * method base lacks) and runs them in the sandbox: per method index, one observation per case
     * (null where none came back).
     */
    private Map<Integer, List<Observation>> observe(
        Map<Integer, String> probes, Path classes, String side)
        throws IOException, InterruptedException {
      Map<Integer, List<TestCase>> asSources = new LinkedHashMap<>();
      Map<Integer, Path> files = new LinkedHashMap<>();
      for (Map.Entry<Integer, String> e : probes.entrySet()) {
        Path file = sourcePath("src-probes-" + side, probeName(e.getKey()));
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        files.put(e.getKey(), file);
      }
      Map<Integer, String> failed = compileDropping(files, classes);
      if ("head".equals(side)) {
        failed.forEach((i, why) -> observeProblem.put(i, "the probe does not compile: " + why));
      }
      List<Integer> ok = files.keySet().stream().filter(i -> !failed.containsKey(i)).toList();
      if (ok.isEmpty()) {
        return Map.of();
      }
      int total = ok.stream().mapToInt(i -> cases.get(i).size()).sum();
      long caseMillis = Math.max(200, Math.min(2000, config.timeout().toMillis() / (total + 2)));
      List<String> args = new ArrayList<>(List.of("observe", Long.toString(caseMillis)));
      ok.forEach(i -> args.add(qualified(probeName(i))));
      Sandbox.Run run = sandbox(work.resolve("run-observe-" + side), classes, args);
      Map<String, Integer> byProbe = new HashMap<>();
      ok.forEach(i -> byProbe.put(qualified(probeName(i)), i));
      Map<Integer, List<Observation>> out = new HashMap<>();
      for (String line : run.lines()) {
        String[] f = line.split("\t", 4);
        if (f.length == 4 && f[0].equals("R") && byProbe.containsKey(f[1])) {
          int method = byProbe.get(f[1]);
          List<Observation> list =
              out.computeIfAbsent(
                  method,
                  k -> new ArrayList<>(java.util.Collections.nCopies(cases.get(k).size(), null)));
          int index = Integer.parseInt(f[2]);
          if (index < list.size()) {
            list.set(index, Observation.parse(f[3]));
          }
        } else if (f.length >= 3
            && f[0].equals("P")
            && byProbe.containsKey(f[1])
            && "head".equals(side)) {
          observeProblem.put(byProbe.get(f[1]), f[2] + (f.length > 3 ? " " + f[3] : ""));
        }
      }
      if (run.outcome() != Sandbox.Outcome.COMPLETED && "head".equals(side)) {
        for (Integer i : ok) {
          observeProblem.putIfAbsent(i, "the sandbox run ended: " + describe(run));
        }
      }
      return out;
    }

    /**
     * Compiles the tests into {@code classes}; returns the methods whose tests do not compile, with
     * the error.
     */
    private Map<Integer, String> compileTests(
        Map<Integer, List<TestCase>> tests, String srcDir, Path classes) throws IOException {
      Map<Integer, Path> files = new LinkedHashMap<>();
      for (Map.Entry<Integer, List<TestCase>> e : tests.entrySet()) {
        if (e.getValue().isEmpty()) {
          continue;
        }
        Path file = sourcePath(srcDir, classNames.get(e.getKey()));
        Files.writeString(
            file,
            TestSources.testClass(ctx, classNames.get(e.getKey()), e.getValue()),
            StandardCharsets.UTF_8);
        files.put(e.getKey(), file);
      }
      return compileDropping(files, classes);
    }

    /** Compiles the files together; those with errors are left out and the rest compiled again. */
    private Map<Integer, String> compileDropping(Map<Integer, Path> files, Path classes)
        throws IOException {
      Map<Integer, String> failed = new HashMap<>();
      Map<Integer, Path> left = new LinkedHashMap<>(files);
      List<Path> cp = new ArrayList<>(Sandbox.trustedClasspath());
      cp.addAll(sources.classpath());
      cp.add(classes);
      for (int attempt = 0; attempt < 3 && !left.isEmpty(); attempt++) {
        Compiler.Result result = Compiler.compile(List.copyOf(left.values()), classes, cp);
        if (result.ok()) {
          return failed;
        }
        boolean dropped = false;
        for (Map.Entry<Integer, Path> e : List.copyOf(left.entrySet())) {
          String error = result.errors().get(e.getValue().toAbsolutePath());
          if (error != null) {
            failed.put(e.getKey(), error);
            left.remove(e.getKey());
            dropped = true;
          }
        }
        if (!dropped) {
          left.keySet().forEach(i -> failed.put(i, result.firstError()));
          return failed;
        }
      }
      left.keySet().forEach(i -> failed.putIfAbsent(i, "javac failed"));
      return failed;
    }

    /**
     * Runs the compiled test classes in the sandbox: "class#method" → SUCCESSFUL, FAILED, DENIED,
     * ...
     */
    private Map<String, String> runTests(
        Map<Integer, List<TestCase>> tests, Set<Integer> failed, Path classes)
        throws IOException, InterruptedException {
      List<String> args = new ArrayList<>(List.of("junit"));
      tests.forEach(
          (i, t) -> {
            if (!t.isEmpty() && !failed.contains(i)) {
              args.add(qualified(classNames.get(i)));
            }
          });
      Map<String, String> out = new HashMap<>();
      if (args.size() == 1) {
        return out;
      }
      Sandbox.Run run = sandbox(work.resolve("run-junit"), classes, args);
      for (String line : run.lines()) {
        String[] f = line.split("\t", -1);
        if (f.length >= 4 && f[0].equals("T") && !f[2].isEmpty()) {
          out.put(f[1] + "#" + f[2], f[3]);
        }
      }
      if (run.outcome() != Sandbox.Outcome.COMPLETED) {
        runProblem = java.util.Optional.of("the sandbox run ended: " + describe(run));
      }
      return out;
    }

    private Sandbox.Run sandbox(Path dir, Path classes, List<String> args)
        throws IOException, InterruptedException {
      Files.createDirectories(dir);
      if (!sources.classpath().isEmpty()) {
        classes =
            withDependencyClasses(
                classes, work.resolve(dir.getFileName() + "-classes"), sources.classpath());
      }
      JVMS.acquire();
      try {
        Sandbox.Run run = runner.run(dir, classes, args);
        runs.add(run);
        if (run.outcome() != Sandbox.Outcome.COMPLETED) {
          LOG.log(
              System.Logger.Level.INFO,
              () -> "tests sandbox for " + chunk.path() + ": " + describe(run));
        }
        return run;
      } finally {
        JVMS.release();
      }
    }
  }

  /**
   * {@code classes} and the project's dependencies (their jars unpacked) in one directory {@code
   * into}: the sandboxed JVM's classpath is fixed when it starts (a warm one waits before the job
   * is known), its job's classes directory is what varies. The PR's own classes win.
   */
  static Path withDependencyClasses(Path classes, Path into, List<Path> classpath)
      throws IOException {
    copyInto(classes, into);
    for (Path entry : classpath) {
      if (Files.isDirectory(entry)) {
        copyInto(entry, into);
        continue;
      }
      try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(entry.toFile())) {
        for (var e : java.util.Collections.list(jar.entries())) {
          String name = e.getName();
          if (e.isDirectory()
              || name.startsWith("META-INF/")
              || name.endsWith("module-info.class")
              || name.contains("..")) {
            continue;
          }
          Path target = into.resolve(name).normalize();
          if (!target.startsWith(into) || Files.exists(target)) {
            continue;
          }
          Files.createDirectories(target.getParent());
          try (var in = jar.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
    return into;
  }

  private static void copyInto(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!Files.exists(target)) {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }

  static String describe(Sandbox.Run run) {
    return switch (run.outcome()) {
      case TIMEOUT -> "timeout after " + run.took().toMillis() + " ms";
      case OUT_OF_MEMORY -> "out of memory";
      case CRASHED -> "exit code " + run.exitCode();
      case EXITED -> "the code under test ended the JVM (exit code " + run.exitCode() + ")";
      case UNAVAILABLE -> "the sandbox could not be set up: " + run.output();
      case COMPLETED -> "completed";
    };
  }

  /**
   * Whether a report's tests go inline: they compiled, ran and passed on head, and at least one
   * pins a value or an exception (not only that the call returns).
   */
  static boolean postable(MethodReport r) {
    return r.verification().equals(PASSED) && r.tests().stream().anyMatch(TestAnalyzer::pinsValue);
  }

  /** A test that asserts what the call returned or threw, not only {@code assertDoesNotThrow}. */
  static boolean pinsValue(TestCase t) {
    String body = t.body().strip();
    return !body.startsWith("assertDoesNotThrow(") && !body.startsWith("// compiled, not executed");
  }

  private List<Suggestion> suggestions(
      PullRequestDiffChunk chunk, String content, List<MethodReport> reports) {
    List<Suggestion> out = new ArrayList<>();
    for (MethodReport r : reports) {
      if (!postable(r)) {
        continue; // said in the summary instead (notes)
      }
      TargetMethod m = r.method();
      String rule = VERIFIED_RULE;
      String what =
          m.constructor() ? "the constructor `" + m.signature() + "`" : "`" + m.signature() + "`";
      StringBuilder message =
          new StringBuilder("Proposed tests for ")
              .append(what)
              .append(": ")
              .append(r.tests().size())
              .append(r.tests().size() == 1 ? " case" : " cases")
              .append(", inputs from its signature and the constants it compares with.\n\n")
              .append("**Verification:** ")
              .append(r.verification())
              .append(" (run in a sandboxed JVM; each assertion pins what head returned or threw)")
              .append("\n\n")
              .append(
                  details(
                      className(r.testSource(), TestSources.testClassName(m)) + ".java",
                      r.testSource()));
      out.add(
          new Suggestion(
              Suggestion.Kind.TEST,
              chunk.path(),
              anchor(chunk, m),
              anchor(chunk, m),
              Suggestion.Severity.INFO,
              0.8,
              message.toString(),
              null,
              rule,
              Suggestion.fingerprint(chunk.path(), rule, m.code())));
      if (!r.changes().isEmpty()) {
        out.add(behaviourChange(chunk, m, r));
      }
    }
    out.sort(Comparator.comparingInt(Suggestion::startLine).thenComparing(Suggestion::ruleId));
    return List.copyOf(out);
  }

  /**
   * One line for the review's summary naming the changed methods of the file that got no test
   * inline, and why (methods with the same reason together); none when every method got one.
   */
  static List<String> notes(PullRequestDiffChunk chunk, List<MethodReport> reports) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    for (MethodReport r : reports) {
      if (!postable(r)) {
        byReason
            .computeIfAbsent(reason(chunk, r), k -> new ArrayList<>())
            .add(
                r.method().constructor()
                    ? "`new " + r.method().signature() + "`"
                    : "`" + r.method().typeName() + "." + r.method().signature() + "`");
      }
    }
    if (byReason.isEmpty()) {
      return List.of();
    }
    List<String> parts = new ArrayList<>();
    byReason.forEach((why, names) -> parts.add(String.join(", ", names) + ": " + why));
    return List.of(
        "No tests proposed in " + fileName(chunk.path()) + " for " + String.join("; ", parts));
  }

  /** Why a method got no test inline, as the summary says it. */
  private static String reason(PullRequestDiffChunk chunk, MethodReport r) {
    String v = r.verification();
    if (v.equals(NOT_EXECUTED)) {
      return "execution is off (tests that pin values need it)";
    }
    if (v.equals(PASSED)) {
      return "its tests could only check that the call returns";
    }
    String why = v.replaceFirst("^not verified: ", "");
    String file = fileName(chunk.path());
    java.util.regex.Matcher missing =
        java.util.regex.Pattern.compile(
                "does not compile on its own \\(.*?(?:cannot find symbol\\s+symbol:\\s+(class|variable|method)"
                    + " (\\w+)|package ([\\w.]+) does not exist)")
            .matcher(why);
    if (missing.find()) {
      return missing.group(3) != null
          ? file + " needs package " + missing.group(3) + ", which is not in the diff"
          : file
              + " needs "
              + missing.group(1)
              + " "
              + missing.group(2)
              + ", which is not in the diff";
    }
    return why;
  }

  /**
   * The line a method's comment is anchored on: its name's line where the diff changed it, else the
   * method's first changed line — GitHub takes inline comments only on lines of the diff, and a
   * change inside a body leaves the declaration out of it.
   */
  static int anchor(PullRequestDiffChunk chunk, TargetMethod m) {
    ChangedLines added = ChangedLines.of(chunk);
    if (added.contains(m.declarationLine())) {
      return m.declarationLine();
    }
    Integer inside = added.lines().ceiling(m.declarationLine());
    if (inside != null && inside <= m.lastLine()) {
      return inside;
    }
    Integer before = added.lines().ceiling(m.firstLine()); // its annotations or modifiers
    return before != null && before <= m.lastLine() ? before : m.declarationLine();
  }

  private Suggestion behaviourChange(PullRequestDiffChunk chunk, TargetMethod m, MethodReport r) {
    BehaviourChange smallest = r.changes().get(0);
    String headline = smallest.headline();
    StringBuilder message =
        new StringBuilder("**Behaviour change:** ")
            .append(
                r.changes().size() > 1
                    ? headline.substring(0, headline.length() - 1)
                        + " (the smallest of "
                        + r.changes().size()
                        + " inputs whose result changed)."
                    : headline)
            .append("\n\n");
    List<BehaviourChange> shown =
        r.changes().subList(0, Math.min(PINNED_CHANGES, r.changes().size()));
    for (BehaviourChange c : shown) {
      message.append("- ").append(c.sentence()).append('\n');
    }
    if (r.changes().size() > shown.size()) {
      message
          .append("- … and ")
          .append(r.changes().size() - shown.size())
          .append(" more inputs whose result changed\n");
    }
    message.append(
        "\nObserved by running the same inputs (diff constants and their neighbours, boundaries,"
            + " pairwise combinations) against the base and the head version in a sandboxed JVM."
            + " This pull request asserts the new behaviour; if the change is intended, this test"
            + " class pins it (it passed on head):\n\n");
    String className =
        className(r.testSource(), TestSources.testClassName(m))
            .replaceFirst("Test$", "BehaviourTest");
    Context context = contextOf(r.testSource());
    List<TestCase> pinsNew = new ArrayList<>();
    List<TestCase> pinsOld = new ArrayList<>();
    for (int k = 0; k < shown.size(); k++) {
      BehaviourChange c = shown.get(k);
      pinsNew.add(new TestCase(m.identifier() + "_new_" + (k + 1), k, c.newTest()));
      pinsOld.add(new TestCase(m.identifier() + "_old_" + (k + 1), k, c.oldTest()));
    }
    message.append(
        details(className + ".java", TestSources.testClass(context, className, pinsNew)));
    String oldName = className.replaceFirst("BehaviourTest$", "OldBehaviourTest");
    message
        .append(
            "\n\nIf it is not, this one pins what base did (it fails on head until the change is"
                + " undone):\n\n")
        .append(details(oldName + ".java", TestSources.testClass(context, oldName, pinsOld)));
    String key =
        m.code()
            + "\n"
            + String.join(
                "\n",
                r.changes().stream()
                    .map(c -> c.call() + "=" + c.after().describe())
                    .sorted()
                    .toList());
    return new Suggestion(
        Suggestion.Kind.TEST,
        chunk.path(),
        anchor(chunk, m),
        anchor(chunk, m),
        Suggestion.Severity.WARNING,
        0.7,
        message.toString(),
        null,
        BEHAVIOUR_RULE,
        Suggestion.fingerprint(chunk.path(), BEHAVIOUR_RULE, key));
  }

  /** The name of the class a generated test source declares, or {@code fallback}. */
  private static String className(String testSource, String fallback) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^class (\\w+) \\{").matcher(testSource);
    return m.find() ? m.group(1) : fallback;
  }

  /** The package and imports of a generated test class, to write another in the same place. */
  private static Context contextOf(String testSource) {
    String pkg = "";
    List<String> imports = new ArrayList<>();
    for (String line : testSource.lines().toList()) {
      if (line.startsWith("package ")) {
        pkg = line.substring("package ".length(), line.indexOf(';')).strip();
      } else if (line.startsWith("import ") && !line.contains("org.junit.jupiter.api.")) {
        imports.add(line);
      } else if (line.startsWith("class ")) {
        break;
      }
    }
    return new Context(pkg, imports, Set.of());
  }

  /**
   * A collapsed block with the source in a ```java fence (longer than any run of backticks in the
   * source).
   */
  static String details(String title, String source) {
    String fence = "```";
    while (source.contains(fence)) {
      fence += "`";
    }
    return "<details><summary>"
        + title
        + "</summary>\n\n"
        + fence
        + "java\n"
        + source
        + fence
        + "\n\n</details>";
  }

  /** The file's own name for the temporary copy javac compiles (a public class must match it). */
  static String fileName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replace('\\', '_').replace('\0', '_');
    return name.endsWith(".java") && name.length() > ".java".length() ? name : "Source.java";
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
                  LOG.log(System.Logger.Level.DEBUG, () -> "cannot delete " + p + ": " + e);
                }
              });
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "cannot delete " + root + ": " + e);
    }
  }
}
