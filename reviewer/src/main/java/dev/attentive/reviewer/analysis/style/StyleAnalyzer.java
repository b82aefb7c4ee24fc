package dev.attentive.reviewer.analysis.style;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import com.google.googlejavaformat.java.JavaFormatterOptions;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Suggestion;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.ChangedLines;
import dev.attentive.reviewer.analysis.style.CheckstyleRunner.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Style findings for Java files: Checkstyle's violations and google-java-format's rewrites, on the
 * lines a pull request added and nowhere else.
 *
 * <ul>
 *   <li>Checkstyle (google_checks.xml, sun_checks.xml or a team's configuration, see {@link
 *       StyleConfig}) runs on the whole file at the head SHA; each violation on an added line
 *       becomes a suggestion {@code style/<Check>} (e.g. {@code style/LineLength}) without a
 *       replacement, at most one per rule and line.
 *   <li>google-java-format formats the whole file; every hunk of the difference whose original
 *       lines were all added by the pull request becomes a {@code style/google-java-format}
 *       suggestion whose replacement is the formatted text. Checkstyle violations inside such a
 *       hunk are listed in its message instead of reported on their own. A file google-java-format
 *       cannot parse gets Checkstyle's findings only.
 * </ul>
 *
 * <p>Java files only, and only when the whole file can be had ({@link ChangedLines#newContent});
 * anything else gets an empty list. Thread-safe: the Checkstyle configuration is parsed once per
 * instance and Checkers are pooled.
 *
 * <p><b>JVM flags.</b> google-java-format uses javac's internal API, which Java 17 does not export.
 * Every JVM that runs this class with the formatter on needs:
 *
 * <pre>
 * --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED
 * --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED
 * </pre>
 *
 * (or the equivalent {@code Add-Exports} manifest attribute for {@code java -jar}). Without them
 * the constructor fails with an {@link IllegalStateException} naming the flags. google-java-format
 * 1.29 and later need Java 21 at run time (they reference javac classes that Java 17 lacks); on
 * Java 17 the constructor fails the same way with them.
 */
public final class StyleAnalyzer implements Analyzer {

  public static final String ID = "style";
  public static final String FORMATTER_RULE = "style/google-java-format";
  static final double FORMATTER_CONFIDENCE = 0.95;
  static final double CHECKSTYLE_CONFIDENCE = 0.9;
  static final String FORMATTER_MESSAGE = "google-java-format would write these lines as suggested";

  private static final System.Logger LOG = System.getLogger(StyleAnalyzer.class.getName());

  private final StyleConfig config;
  private final CheckstyleRunner checkstyle;
  private final Formatter formatter; // holds only its options: safe to share

  /**
   * Parses the Checkstyle configuration.
   *
   * @throws IllegalArgumentException when the configuration cannot be found or loaded
   */
  public StyleAnalyzer(StyleConfig config) {
    this.config = config == null ? StyleConfig.defaults() : config;
    this.checkstyle = this.config.checkstyle() ? new CheckstyleRunner(this.config) : null;
    this.formatter =
        new Formatter(
            JavaFormatterOptions.builder()
                .style(
                    this.config.aosp()
                        ? JavaFormatterOptions.Style.AOSP
                        : JavaFormatterOptions.Style.GOOGLE)
                .build());
    if (this.config.formatter()) {
      probeFormatter();
    }
  }

  public StyleAnalyzer() {
    this(StyleConfig.defaults());
  }

  @Override
  public String id() {
    return ID;
  }

  public StyleConfig config() {
    return config;
  }

  @Override
  public List<Suggestion> analyze(PullRequestDiffChunk chunk) throws Exception {
    if (!"java".equals(chunk.language())) {
      return List.of();
    }
    String content = ChangedLines.newContent(chunk);
    ChangedLines added = ChangedLines.of(chunk);
    if (content == null || added.isEmpty()) {
      return List.of();
    }
    List<String> lines = content.lines().toList();

    List<FormatterHunk> hunks =
        config.formatter() ? formatterHunks(chunk.path(), content, lines, added) : List.of();
    List<Violation> violations;
    try {
      violations =
          checkstyle == null ? List.of() : checkstyle.check(fileName(chunk.path()), content);
    } catch (CheckstyleException e) {
      // Typically Java that Checkstyle cannot parse; the author's compiler will say more than we
      // could.
      LOG.log(
          System.Logger.Level.DEBUG,
          () -> "Checkstyle failed on " + chunk.path() + ": " + e.getMessage());
      violations = List.of();
    }

    List<Suggestion> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Violation v : violations) {
      if (!added.contains(v.line()) || !seen.add(v.check() + "@" + v.line())) {
        continue;
      }
      FormatterHunk hunk = hunks.stream().filter(h -> h.covers(v.line())).findFirst().orElse(null);
      if (hunk != null) {
        String message = oneLine(v.message());
        hunk.notes.add(
            "- " + (message.startsWith(v.check() + ":") ? message : v.check() + ": " + message));
        continue;
      }
      String ruleId = ID + "/" + v.check();
      out.add(
          new Suggestion(
              Suggestion.Kind.STYLE,
              chunk.path(),
              v.line(),
              v.line(),
              v.severity(),
              CHECKSTYLE_CONFIDENCE,
              oneLine(v.message()),
              null,
              ruleId,
              Suggestion.fingerprint(chunk.path(), ruleId, code(lines, v.line(), v.line()))));
    }
    for (FormatterHunk h : hunks) {
      StringBuilder message =
          new StringBuilder(
              config.aosp()
                  ? FORMATTER_MESSAGE.replace("google-java-format", "google-java-format (AOSP)")
                  : FORMATTER_MESSAGE);
      h.notes.forEach(n -> message.append('\n').append(n));
      out.add(
          new Suggestion(
              Suggestion.Kind.STYLE,
              chunk.path(),
              h.start,
              h.end,
              Suggestion.Severity.WARNING,
              FORMATTER_CONFIDENCE,
              message.toString(),
              h.replacement,
              FORMATTER_RULE,
              Suggestion.fingerprint(chunk.path(), FORMATTER_RULE, code(lines, h.start, h.end))));
    }
    out.sort(Comparator.comparingInt(Suggestion::startLine).thenComparing(Suggestion::ruleId));
    return List.copyOf(out);
  }

  /**
   * What google-java-format would change on added lines (see {@link FormatterEdits}); empty if it
   * cannot parse.
   */
  private List<FormatterHunk> formatterHunks(
      String path, String content, List<String> lines, ChangedLines added) {
    String formatted;
    try {
      formatted = formatter.formatSource(content);
    } catch (FormatterException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          () -> "google-java-format cannot parse " + path + ": " + e.getMessage());
      return List.of();
    } catch (LinkageError e) {
      throw unusableFormatter(e);
    } catch (RuntimeException e) {
      // google-java-format has crashed on unusual but valid input before; do not lose Checkstyle's
      // findings for it.
      LOG.log(System.Logger.Level.WARNING, () -> "google-java-format failed on " + path + ": " + e);
      return List.of();
    }
    return FormatterEdits.edits(lines, formatted.lines().toList(), added).stream()
        .map(FormatterHunk::new)
        .toList();
  }

  /**
   * Formats a tiny class, so that a JVM without the {@code --add-exports} flags, or a
   * google-java-format built for a newer JDK than this one, is found at startup rather than on the
   * first pull request.
   */
  private void probeFormatter() {
    try {
      formatter.formatSource("class Probe {}\n");
    } catch (LinkageError e) {
      throw unusableFormatter(e);
    } catch (FormatterException e) {
      throw new IllegalStateException(
          "google-java-format rejected a trivial class: " + e.getMessage(), e);
    }
  }

  private static IllegalStateException unusableFormatter(LinkageError e) {
    if (e instanceof IllegalAccessError) {
      return new IllegalStateException(
          "google-java-format needs the JVM flags --add-exports=jdk.compiler/"
              + "com.sun.tools.javac.{api,code,file,parser,tree,util}=ALL-UNNAMED (see StyleAnalyzer): "
              + e.getMessage(),
          e);
    }
    return new IllegalStateException(
        "google-java-format cannot run on Java "
            + Runtime.version().feature()
            + " (this version of it needs a newer JDK, or the StyleConfig formatter can be turned off): "
            + e,
        e);
  }

  /** Checkstyle's message on one line (some configurations spread theirs over several). */
  static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s+", " ");
  }

  /** The text of lines {@code start..end} (1-based), for fingerprints. */
  private static String code(List<String> lines, int start, int end) {
    return String.join(
        "\n", lines.subList(Math.min(start - 1, lines.size()), Math.min(end, lines.size())));
  }

  /** The file's own name, for the temporary copy Checkstyle reads (some checks look at it). */
  static String fileName(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1).replace('\\', '_').replace('\0', '_');
    return name.isEmpty() || name.equals(".") || name.equals("..") ? "Source.java" : name;
  }

  /** A formatter edit and the Checkstyle messages folded into it. */
  private static final class FormatterHunk {
    final int start;
    final int end;
    final String replacement;
    final Set<String> notes = new LinkedHashSet<>();

    FormatterHunk(FormatterEdits.Edit edit) {
      this.start = edit.start();
      this.end = edit.end();
      this.replacement = edit.replacement();
    }

    boolean covers(int line) {
      return line >= start && line <= end;
    }
  }
}
