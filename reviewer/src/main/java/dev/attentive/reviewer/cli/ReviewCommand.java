package dev.attentive.reviewer.cli;

import dev.attentive.conventions.LocalCheckout;
import dev.attentive.events.FileStatus;
import dev.attentive.events.Languages;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import dev.attentive.reviewer.Analyzers;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.AnalyzerDeadlines;
import dev.attentive.reviewer.analysis.RepositoryAnalyzers;
import dev.attentive.reviewer.analysis.SourceContext;
import dev.attentive.reviewer.analysis.dependencies.DependenciesConfig;
import dev.attentive.reviewer.analysis.dependencies.DependencyResolver;
import dev.attentive.reviewer.analysis.style.SafeCheckstyleConfig;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import dev.attentive.reviewer.analysis.testgen.TestsConfig;
import dev.attentive.settings.RepositorySettingsParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * {@code attentive review --patch FILE [--repo DIR] [--format markdown|json|sarif]}: the reviewer's
 * analyzers on a local diff, without Kafka or GitHub. Exit 0 whatever was found; 2 for usage errors
 * (bad options, a patch that cannot be read, parsed or applied).
 */
public final class ReviewCommand {

  static final String USAGE =
      """
      usage: attentive review --patch FILE [--repo DIR] [--classpath CP | --resolve-dependencies URL]
                              [--format markdown|json|sarif]
                              [--analyzers style,tests,model] [--checkstyle-config google_checks.xml|sun_checks.xml|PATH]
                              [--formatter|--no-formatter] [--execute-tests] [--analyzer-deadline 20s]
        --patch FILE   a unified diff (git diff, git format-patch, diff -u); '-' reads standard input
        --repo DIR     the checkout the diff applies to (or already contains), for whole-file context and
                       for the repository's own conventions, learned from DIR as the service learns them
                       from the default branch (`attentive profile --repo DIR` shows them); without it,
                       only new files can be checked by analyzers that need the whole file, and no
                       conventions are known. The tests analyzer compiles a changed class with DIR's source
                       roots (src/main/java, ...) on javac's source path
        --classpath CP the project's dependencies (e.g. from `mvn dependency:build-classpath`), for compiling
                       tests of classes that use them; without it such classes get a note naming the package
        --resolve-dependencies URL  instead of --classpath: resolve the dependencies that the pom.xml nearest
                       each changed file in --repo DIR declares (with their transitive ones) from this Maven
                       repository or proxy, cached in ~/.cache/attentive/dependencies
        --analyzers    default style,tests,model (the service's default set)
        --format       markdown (default), json, or sarif (SARIF 2.1.0)
        --checkstyle-config  TRUSTED: loaded as Checkstyle loads it (it may read files and URLs and expand
                       ${...} from system properties), so name only a file you control, never one the change
                       under review can edit. Without it, the --repo checkout's own rule set (style.checkstyle in
                       its .attentive.yml) is used, checked against the reviewer's allowlist of Checkstyle modules
                       and properties (docs/security.md), or the Checkstyle file it contains; else
                       no Checkstyle (the learned conventions review the style)
        --formatter    offer google-java-format's rewrites even where the checkout does not declare it
                       (its build's Spotless/fmt plugin does); --no-formatter: never
        --execute-tests  the tests analyzer runs its probes and tests in a sandboxed JVM (runs the diff's code!)
        --analyzer-deadline  how long one analyzer may take on one file (default 20s; the tests analyzer
                       gets 90s): past it, a note says its findings on that file are left out, as in the service
      """;

  /** The tests analyzer may make several sandbox runs per file (as in the service's defaults). */
  static final Duration TESTS_DEADLINE = Duration.ofSeconds(90);

  private ReviewCommand() {}

  /** {@code 20s}, {@code 1500ms}, {@code 2m}, or ISO-8601 ({@code PT20S}). */
  static Duration duration(String text) {
    try {
      String t = text.trim().toLowerCase(java.util.Locale.ROOT);
      if (t.startsWith("pt")) {
        return positive(Duration.parse(t));
      }
      if (t.endsWith("ms")) {
        return positive(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))));
      }
      if (t.endsWith("s")) {
        return positive(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1))));
      }
      if (t.endsWith("m")) {
        return positive(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))));
      }
    } catch (RuntimeException e) {
      // falls through to the usage error
    }
    throw new IllegalArgumentException(
        "--analyzer-deadline takes a positive duration such as 20s or 1500ms, not '" + text + "'");
  }

  private static Duration positive(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("not positive");
    }
    return d;
  }

  /**
   * The jars of the dependencies declared by the pom.xml nearest each changed file in the checkout,
   * resolved through {@code repository}; what was left out goes to {@code notes}.
   */
  static List<Path> resolved(
      String repository, Path checkout, List<PullRequestDiffChunk> chunks, List<String> notes) {
    java.util.Set<Path> poms = new java.util.LinkedHashSet<>();
    for (PullRequestDiffChunk chunk : chunks) {
      for (Path dir = checkout.resolve(chunk.path()).getParent();
          dir != null && dir.startsWith(checkout);
          dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("pom.xml"))) {
          poms.add(dir.resolve("pom.xml"));
          break;
        }
      }
    }
    java.util.Set<Path> jars = new java.util.LinkedHashSet<>();
    try (DependencyResolver resolver = new DependencyResolver(DependenciesConfig.of(repository))) {
      for (Path pom : poms) {
        String text;
        try {
          text = Files.readString(pom);
        } catch (IOException e) {
          notes.add(checkout.relativize(pom) + " could not be read: " + e.getMessage());
          continue;
        }
        DependencyResolver.Resolution r;
        try {
          r = resolver.resolve(text);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          notes.add("the project's dependencies were not resolved (interrupted)");
          break;
        }
        jars.addAll(r.classpath());
        r.notes().forEach(n -> notes.add("Dependencies of " + checkout.relativize(pom) + ": " + n));
      }
    }
    return List.copyOf(jars);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, UnaryOperator.identity());
  }

  /**
   * @param extra adds to the analyzers the options chose (tests add one that hangs, to see the
   *     deadline at work on the command line's own loop)
   */
  static int run(
      String[] args, PrintStream out, PrintStream err, UnaryOperator<List<Analyzer>> extra) {
    String patch = null;
    String repo = null;
    String classpath = null;
    String resolveFrom = null;
    String format = "markdown";
    String analyzers = "style,tests,model";
    String checkstyle = StyleConfig.NONE;
    boolean checkstyleNamed = false;
    boolean formatter = false;
    boolean executeTests = false;
    Duration deadline = AnalyzerDeadlines.Limits.DEFAULTS.standard();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--patch" -> patch = value(args, ++i, "--patch");
          case "--repo" -> repo = value(args, ++i, "--repo");
          case "--classpath" -> classpath = value(args, ++i, "--classpath");
          case "--resolve-dependencies" -> resolveFrom = value(args, ++i, "--resolve-dependencies");
          case "--format" -> format = value(args, ++i, "--format");
          case "--analyzers" -> analyzers = value(args, ++i, "--analyzers");
          case "--checkstyle-config" -> {
            checkstyle = value(args, ++i, "--checkstyle-config");
            checkstyleNamed = true;
          }
          case "--no-formatter" -> formatter = false;
          case "--formatter" -> formatter = true;
          case "--execute-tests" -> executeTests = true;
          case "--analyzer-deadline" ->
              deadline = duration(value(args, ++i, "--analyzer-deadline"));
          case "-h", "--help" -> {
            out.print(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
      }
      if (patch == null) {
        throw new IllegalArgumentException("--patch is required");
      }
      if (!List.of("markdown", "json", "sarif").contains(format)) {
        throw new IllegalArgumentException(
            "--format must be markdown, json or sarif, not '" + format + "'");
      }
      List<Analyzer> chosen =
          extra.apply(
              Analyzers.create(
                  List.of(analyzers.split(",")),
                  checkstyleNamed || formatter ? new StyleConfig(checkstyle, formatter) : null,
                  TestsConfig.defaults().withExecution(executeTests)));
      String diff =
          patch.equals("-")
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(Path.of(patch));
      List<String> notes = new ArrayList<>();
      RepositoryProfile profile = null;
      if (repo != null) {
        profile = learn(Path.of(repo), notes);
      } else if (Arrays.asList(analyzers.split(",")).contains("style")) {
        notes.add(
            "without --repo, the repository's conventions are not known: style is not checked");
      }
      if (repo != null && !checkstyleNamed) {
        // The checkout's own rule set is the change's code (in CI, the pull request's): untrusted,
        // as in the service.
        RepositorySettings settings = repositoryCheckstyle(Path.of(repo), notes);
        RepositoryAnalyzers.Selection selection =
            new RepositoryAnalyzers(chosen).select(settings, profile);
        chosen = selection.analyzers();
        notes.addAll(selection.notes());
      }
      List<PullRequestDiffChunk> chunks =
          chunks(UnifiedDiff.parse(diff), repo == null ? null : Path.of(repo), notes);
      List<Path> dependencies = new ArrayList<>();
      if (classpath != null) {
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
          if (!entry.isBlank()) {
            dependencies.add(Path.of(entry));
          }
        }
      }
      if (resolveFrom != null) {
        if (repo == null) {
          throw new IllegalArgumentException("--resolve-dependencies needs --repo DIR");
        }
        dependencies.addAll(resolved(resolveFrom, Path.of(repo), chunks, notes));
      }
      SourceContext sources =
          repo != null
              ? CheckoutSources.of(Path.of(repo), dependencies)
              : new SourceContext(Map.of(), Map.of(), List.of(), dependencies);
      List<Suggestion> suggestions = new ArrayList<>();
      // The same deadlines as the service: a checkout's rule set or code must not hang a CI job.
      AnalyzerDeadlines deadlines =
          new AnalyzerDeadlines(
              new AnalyzerDeadlines.Limits(
                  deadline,
                  Map.of(
                      "tests", TESTS_DEADLINE.compareTo(deadline) > 0 ? TESTS_DEADLINE : deadline),
                  AnalyzerDeadlines.Limits.DEFAULTS.threads()));
      for (PullRequestDiffChunk chunk : chunks) {
        for (Analyzer analyzer : chosen) {
          try {
            Analyzer.Findings findings =
                deadlines.findings(
                    analyzer,
                    chunk,
                    RepositorySettings.orDefaults(chunk.settings()),
                    profile,
                    sources);
            suggestions.addAll(findings.suggestions());
            findings.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
          } catch (AnalyzerDeadlines.DeadlineExceeded e) {
            notes.add(
                AnalyzerDeadlines.stoppedNote(
                    analyzer.id(), deadlines.limits().of(analyzer.id()), chunk.path()));
          } catch (AnalyzerDeadlines.NoThreadFree e) {
            notes.add(AnalyzerDeadlines.skippedNote(analyzer.id(), chunk.path()));
          } catch (Exception e) {
            notes.add("analyzer " + analyzer.id() + " failed on " + chunk.path() + ": " + e);
          }
        }
      }
      suggestions.sort(
          Comparator.comparing(Suggestion::path).thenComparingInt(Suggestion::startLine));
      out.print(
          switch (format) {
            case "json" -> SuggestionFormats.json(suggestions, notes);
            case "sarif" -> SuggestionFormats.sarif(suggestions, version());
            default -> SuggestionFormats.markdown(suggestions, notes);
          });
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("attentive review: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (UnifiedDiff.DiffException e) {
      err.println("attentive review: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("attentive review: cannot read " + e.getMessage());
      return 2;
    }
  }

  /** One chunk per reviewable file, with its head content from the checkout when there is one. */
  static List<PullRequestDiffChunk> chunks(
      List<UnifiedDiff.FilePatch> files, Path repo, List<String> notes)
      throws UnifiedDiff.DiffException, IOException {
    List<PullRequestDiffChunk> chunks = new ArrayList<>();
    for (UnifiedDiff.FilePatch file : files) {
      if (file.status() == FileStatus.REMOVED || file.binary() || file.hunks().isEmpty()) {
        notes.add(
            "skipped "
                + file.path()
                + (file.binary()
                    ? ": binary"
                    : file.status() == FileStatus.REMOVED ? ": removed" : ": no changes"));
        continue;
      }
      String content = null;
      if (repo != null && file.oldPath() != null) {
        Path base = PatchApplier.inCheckout(repo, file.oldPath());
        Path head = PatchApplier.inCheckout(repo, file.path());
        Path source = Files.exists(base) ? base : head;
        if (!Files.exists(source)) {
          throw new UnifiedDiff.DiffException(
              "patch does not apply: " + file.oldPath() + " is not in " + repo);
        }
        content = PatchApplier.headVersion(file.path(), Files.readString(source), file.hunks());
      }
      int additions =
          (int)
              file.hunks().stream()
                  .flatMap(h -> h.lines().stream())
                  .filter(l -> l.kind() == dev.attentive.events.DiffLine.Kind.ADDED)
                  .count();
      int deletions =
          (int)
              file.hunks().stream()
                  .flatMap(h -> h.lines().stream())
                  .filter(l -> l.kind() == dev.attentive.events.DiffLine.Kind.REMOVED)
                  .count();
      chunks.add(
          new PullRequestDiffChunk(
              PullRequestDiffChunk.SCHEMA_VERSION,
              "local",
              "local/checkout",
              1,
              null,
              null,
              null,
              file.path(),
              file.status() == FileStatus.RENAMED ? file.oldPath() : null,
              file.status(),
              Languages.of(file.path()),
              chunks.size(),
              additions,
              deletions,
              file.hunks(),
              content));
    }
    return chunks;
  }

  /**
   * The checkout's profile, learned as the service learns a default branch's (same sample, same
   * rules); its declared tools come from the checkout too, so they are untrusted like its {@code
   * .attentive.yml}.
   */
  static RepositoryProfile learn(Path repo, List<String> notes) throws IOException {
    LocalCheckout checkout = new LocalCheckout(repo);
    RepositoryProfile profile = checkout.profile(checkout.name());
    if (profile.sample().sampledFiles() == 0) {
      notes.add(
          "the checkout has no hand-written Java files to learn its conventions from: style is not"
              + " checked against them");
    }
    return profile;
  }

  /**
   * The Checkstyle part of the checkout's {@code .attentive.yml}, with the text of the file it
   * names (which must be a regular file inside the checkout, links included, of at most {@link
   * SafeCheckstyleConfig#MAX_CHARS}); null when the checkout names none. What cannot be used
   * becomes a note.
   */
  static RepositorySettings repositoryCheckstyle(Path repo, List<String> notes) throws IOException {
    Path settingsFile = repo.resolve(RepositorySettings.FILE);
    if (!Files.isRegularFile(settingsFile)) {
      return null;
    }
    Path root = repo.toRealPath();
    if (!settingsFile.toRealPath().startsWith(root)
        || Files.size(settingsFile) > RepositorySettingsParser.MAX_FILE_CHARS * 4L) {
      notes.add(
          "`"
              + RepositorySettings.FILE
              + "` is a link out of the checkout or too large; it was not read");
      return null;
    }
    RepositorySettings parsed =
        RepositorySettingsParser.parse(
            Files.readString(settingsFile), repo + "/" + RepositorySettings.FILE);
    parsed.problems().stream().filter(p -> p.contains("style.checkstyle")).forEach(notes::add);
    String checkstyle = parsed.checkstyle();
    if (checkstyle == null) {
      return null;
    }
    RepositorySettings settings =
        new RepositorySettings(
            RepositorySettings.VERSION,
            null,
            checkstyle,
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            List.of(),
            parsed.source());
    if (new StyleConfig(checkstyle, true).bundled()) {
      return settings;
    }
    Path file = root.resolve(checkstyle).normalize();
    String unusable = null;
    if (!Files.isRegularFile(file)) {
      unusable = "is not a file in the checkout";
    } else if (!file.toRealPath().startsWith(root)) {
      unusable = "is a link out of the checkout";
    } else if (Files.size(file) > SafeCheckstyleConfig.MAX_CHARS) {
      unusable = "is larger than " + SafeCheckstyleConfig.MAX_CHARS / 1024 + " KiB";
    }
    if (unusable != null) {
      notes.add(
          "`"
              + RepositorySettings.FILE
              + "`: style.checkstyle names `"
              + checkstyle
              + "`, which "
              + unusable
              + "; the default rule set was used");
      return null;
    }
    String xml;
    try {
      xml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      notes.add(
          "`"
              + RepositorySettings.FILE
              + "`: style.checkstyle names `"
              + checkstyle
              + "`, which is not UTF-8"
              + " text; the default rule set was used");
      return null;
    }
    return settings.withCheckstyleXml(xml);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static String version() {
    String v = ReviewCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
