package dev.attentive.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A repository's own settings, from {@code .attentive.yml} on its default branch (see
 * docs/configuration.md), as ingest read and validated them. Every field that the file did not set
 * (or set wrongly) is null and means "the deployment's default"; a record that is null altogether
 * (on a chunk, manifest or review) means defaults everywhere.
 *
 * @param version the file's {@code version} (1)
 * @param analyzers {@code analyzers}: ids the repository wants (style, tests, model); null for the
 *     deployment's set. The reviewer runs the intersection with what the deployment enables.
 * @param checkstyle {@code style.checkstyle}: {@code google_checks.xml}, {@code sun_checks.xml} or
 *     a path in the repository; null for the deployment's
 * @param checkstyleXml the text of the repository's Checkstyle file when {@code checkstyle} is a
 *     path (read by ingest from the default branch); null otherwise
 * @param formatter {@code style.formatter}; null for the deployment's
 * @param ignore {@code ignore}: globs of paths never reviewed, on top of the deployment's list;
 *     never null
 * @param maxComments {@code review.maxComments}: inline comments per review (the publisher takes
 *     the smaller of this and its own cap); null for the deployment's
 * @param minConfidence {@code review.minConfidence}: suggestions less confident are dropped; null
 *     for none dropped
 * @param testsExecute {@code tests.execute}: whether the tests analyzer may run tests (only where
 *     the deployment allows it); null for the deployment's default
 * @param modelAttention {@code model.attention}: the model analyzer's attention program, passed
 *     through as JSON without interpretation; null when not set
 * @param analyzerOverride set by a command ({@code /attentive tests}), not by the file: only these
 *     analyzers run for this fetch (still intersected with the deployment's); null otherwise
 * @param problems what was wrong with the file, one clear sentence each; the parts in question are
 *     at their defaults. Never null.
 * @param source where the settings came from, e.g. {@code octo/repo@main:.attentive.yml}; null when
 *     no file
 */
public record RepositorySettings(
    int version,
    List<String> analyzers,
    String checkstyle,
    String checkstyleXml,
    Boolean formatter,
    List<String> ignore,
    Integer maxComments,
    Double minConfidence,
    Boolean testsExecute,
    JsonNode modelAttention,
    List<String> analyzerOverride,
    List<String> problems,
    String source) {

  public static final String FILE = ".attentive.yml";
  public static final int VERSION = 1;
  public static final List<String> KNOWN_ANALYZERS = List.of("style", "tests", "model");
  public static final int MAX_COMMENTS_LIMIT = 100;

  public RepositorySettings {
    analyzers = analyzers == null ? null : List.copyOf(analyzers);
    ignore = ignore == null ? List.of() : List.copyOf(ignore);
    analyzerOverride = analyzerOverride == null ? null : List.copyOf(analyzerOverride);
    problems = problems == null ? List.of() : List.copyOf(problems);
    // JSON null reads as a NullNode: "not set" is null, whichever way the record was made
    modelAttention =
        modelAttention == null || modelAttention.isNull() || modelAttention.isMissingNode()
            ? null
            : modelAttention;
  }

  /** Nothing set: the deployment's defaults everywhere. */
  public static RepositorySettings defaults() {
    return new RepositorySettings(
        VERSION, null, null, null, null, List.of(), null, null, null, null, null, List.of(), null);
  }

  /** {@code settings}, or the defaults when null. */
  public static RepositorySettings orDefaults(RepositorySettings settings) {
    return settings == null ? defaults() : settings;
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  /**
   * The analyzer ids to run for this fetch out of {@code enabled} (the deployment's, in its order):
   * the command's override if any, else the file's selection if any, else all of them.
   */
  public List<String> selectAnalyzers(List<String> enabled) {
    List<String> wanted = analyzerOverride != null ? analyzerOverride : analyzers;
    if (wanted == null) {
      return List.copyOf(enabled);
    }
    List<String> out = new ArrayList<>();
    for (String id : enabled) {
      if (wanted.contains(id)) {
        out.add(id);
      }
    }
    return List.copyOf(out);
  }

  /** Whether a suggestion of this confidence is kept. */
  public boolean keeps(double confidence) {
    return minConfidence == null || confidence >= minConfidence;
  }

  public RepositorySettings withCheckstyleXml(String xml) {
    return new RepositorySettings(
        version,
        analyzers,
        checkstyle,
        xml,
        formatter,
        ignore,
        maxComments,
        minConfidence,
        testsExecute,
        modelAttention,
        analyzerOverride,
        problems,
        source);
  }

  /** The same settings with more problems (those already listed are not repeated). */
  public RepositorySettings withProblems(java.util.Collection<String> more) {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(problems);
    all.addAll(more);
    return new RepositorySettings(
        version,
        analyzers,
        checkstyle,
        checkstyleXml,
        formatter,
        ignore,
        maxComments,
        minConfidence,
        testsExecute,
        modelAttention,
        analyzerOverride,
        List.copyOf(all),
        source);
  }

  /** The same settings with the style rule set back at the deployment's and one more problem. */
  public RepositorySettings withCheckstyleProblem(String problem) {
    List<String> more = new ArrayList<>(problems);
    more.add(problem);
    return new RepositorySettings(
        version,
        analyzers,
        null,
        null,
        formatter,
        ignore,
        maxComments,
        minConfidence,
        testsExecute,
        modelAttention,
        analyzerOverride,
        more,
        source);
  }

  public RepositorySettings withAnalyzerOverride(List<String> override) {
    return new RepositorySettings(
        version,
        analyzers,
        checkstyle,
        checkstyleXml,
        formatter,
        ignore,
        maxComments,
        minConfidence,
        testsExecute,
        modelAttention,
        override,
        problems,
        source);
  }

  /** Without the Checkstyle file's text: what travels on a review, which no longer needs it. */
  public RepositorySettings withoutCheckstyleXml() {
    return checkstyleXml == null ? this : withCheckstyleXml(null);
  }

  /**
   * A short stable hash of the problem list: the publisher comments on a distinct set of problems
   * once.
   */
  @JsonIgnore
  public String problemsHash() {
    return sha256(String.join("\n", problems)).substring(0, 16);
  }

  /** A hash of what decides how the style analyzer is built (rule set, its text, formatter). */
  @JsonIgnore
  public String styleHash() {
    return sha256(
            checkstyle
                + "\u0000"
                + (checkstyleXml == null ? "" : checkstyleXml)
                + "\u0000"
                + formatter)
        .substring(0, 24);
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
