package dev.attentive.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulated team's week on one repository (issue 15): {@value #PULL_REQUESTS} pull requests, each
 * opened, pushed to twice and merged at simulated times, and the scripted people's answer to every
 * comment Attentive posts. Everything follows from the seed: the same seed gives the same pull
 * requests, times, shas, people and decisions, so a run can be replayed.
 *
 * <p>Each pull request adds two files: a {@code Widget} whose {@code import java.util.*;} draws
 * Checkstyle's {@code AvoidStarImport} (the rule this team rejects every time), and a {@code
 * Totals} whose loop bound is off by one ({@code i <= prices.length}), which the shipped attention
 * model flags with a REPAIR (see {@code PipelineEndToEndTest}). The first push adds a new file with
 * the same bug ({@code more/Totals.java}), so its review has something new to say; the second push
 * fixes, not as suggested, the lines the people chose to fix later.
 */
record TeamScenario(
    long seed,
    String repository,
    Instant start,
    List<String> people,
    List<PullRequestPlan> pullRequests) {

  static final int PULL_REQUESTS = 30;
  static final String REPOSITORY = "acme/team";
  static final Instant MONDAY = Instant.parse("2026-11-23T08:00:00Z");
  static final Duration WEEK = Duration.ofDays(7);
  static final List<String> PEOPLE = List.of("alice", "bob", "carol", "dave");

  /** The Checkstyle rule the team rejects: 👎 and resolved without change, every time. */
  static final String REJECTED_RULE = "AvoidStarImport";

  /** The repository asks for Google's rule set, so that its style comments are Checkstyle's. */
  static final String SETTINGS = "version: 1\nstyle:\n  checkstyle: google_checks.xml\n";

  /** Out of 100: how often a REPAIR suggestion is applied, fixed otherwise later, or left. */
  static final int APPLY_PERCENT = 80;

  static final int FIX_LATER_PERCENT = 12;
  static final int REPLY_PERCENT = 15;

  /** Every fifth pull request also gets a reviewer's own comment: a thread Attentive must leave. */
  static final int HUMAN_THREAD_EVERY = 5;

  TeamScenario {
    people = List.copyOf(people);
    pullRequests = List.copyOf(pullRequests);
  }

  /** What one pull request is, planned before anyone reacts to a review. */
  record PullRequestPlan(
      int number,
      String author,
      String reviewer,
      Instant openedAt,
      Instant firstPushAt,
      Instant secondPushAt,
      Instant mergedAt,
      Map<String, String> openedFiles,
      String addedPath,
      String addedSource,
      boolean humanThread) {

    PullRequestPlan {
      openedFiles = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(openedFiles));
    }

    String widgetPath() {
      return pathOf(number, "Widget");
    }

    String totalsPath() {
      return pathOf(number, "Totals");
    }

    /** The pull request's base: main before it, the same for every revision. */
    String baseSha() {
      return sha("base", number, 0);
    }

    /** The head after {@code pushes} pushes; its contents follow from the scenario's decisions. */
    String headSha(long seed, int pushes) {
      return sha("head/" + seed, number, pushes);
    }
  }

  /** What a person does with one comment Attentive posted. */
  enum Decision {
    /** 👎 and resolve the thread, the line left as it is. */
    REJECT,
    /** Push the suggested replacement in the next push. */
    APPLY,
    /** Change the flagged line another way, in the push after next. */
    FIX_LATER,
    /** Leave it: the PR merges with the line unchanged and the thread open (ignored). */
    LEAVE
  }

  /** One comment as the scripted people see it on GitHub. */
  record SeenComment(long id, String path, int line, Integer startLine, String body) {

    boolean isRejectedRule() {
      return body.contains(REJECTED_RULE);
    }

    /** The attention model's comments say so (see {@code PipelineEndToEndTest}). */
    boolean isRepair() {
      return body.contains("attention model") && suggestion() != null;
    }

    /** The text of the comment's {@code ```suggestion} block, or null when it has none. */
    String suggestion() {
      Matcher m = SUGGESTION.matcher(body);
      return m.find() ? m.group(1) : null;
    }
  }

  private static final Pattern SUGGESTION =
      Pattern.compile("```suggestion\\n(.*?)\\n?```", Pattern.DOTALL);

  /** The week of the given seed. */
  static TeamScenario generate(long seed) {
    List<PullRequestPlan> plans = new ArrayList<>();
    Duration spacing = WEEK.minusDays(1).dividedBy(PULL_REQUESTS);
    for (int n = 1; n <= PULL_REQUESTS; n++) {
      int a = pick(seed, "author", n, PEOPLE.size());
      String author = PEOPLE.get(a);
      String reviewer =
          PEOPLE.get((a + 1 + pick(seed, "reviewer", n, PEOPLE.size() - 1)) % PEOPLE.size());
      Instant opened =
          MONDAY
              .plus(spacing.multipliedBy(n - 1))
              .plusSeconds(pick(seed, "opened", n, (int) spacing.toSeconds() / 2));
      Instant first = opened.plus(Duration.ofMinutes(30 + pick(seed, "push1", n, 180)));
      Instant second = first.plus(Duration.ofMinutes(60 + pick(seed, "push2", n, 600)));
      Instant merged = second.plus(Duration.ofMinutes(30 + pick(seed, "merge", n, 300)));
      Map<String, String> files = new LinkedHashMap<>();
      files.put(pathOf(n, "Widget"), widget(n));
      files.put(pathOf(n, "Totals"), totals(packageOf(n)));
      plans.add(
          new PullRequestPlan(
              n,
              author,
              reviewer,
              opened,
              first,
              second,
              merged,
              files,
              "src/main/java/com/acme/team/p" + n + "/more/Totals.java",
              totals(packageOf(n) + ".more"),
              n % HUMAN_THREAD_EVERY == 0));
    }
    return new TeamScenario(seed, REPOSITORY, MONDAY, PEOPLE, plans);
  }

  /**
   * What the pull request's author (for code) or reviewer (for reactions) does with a comment:
   * decided by the seed and the comment's place and text only, so it does not depend on the order
   * comments arrive in.
   */
  Decision decide(int pullRequest, SeenComment comment) {
    if (comment.isRejectedRule()) {
      return Decision.REJECT;
    }
    if (!comment.isRepair()) {
      return Decision.LEAVE;
    }
    int roll = pick(seed, "decide/" + comment.path() + ":" + comment.line(), pullRequest, 100);
    if (roll < APPLY_PERCENT) {
      return Decision.APPLY;
    }
    return roll < APPLY_PERCENT + FIX_LATER_PERCENT ? Decision.FIX_LATER : Decision.LEAVE;
  }

  /** Whether the pull request's author answers the comment (a reply judges nothing). */
  boolean replies(int pullRequest, SeenComment comment) {
    return pick(seed, "reply/" + comment.path() + ":" + comment.line(), pullRequest, 100)
        < REPLY_PERCENT;
  }

  String replyText(int pullRequest, SeenComment comment) {
    List<String> texts =
        List.of(
            "Good catch, thanks.",
            "We do this on purpose here, see the team's style notes.",
            "Not sure this applies: the array is never empty.",
            "Fixed in the next push.");
    return texts.get(pick(seed, "reply-text/" + comment.id(), pullRequest, texts.size()));
  }

  /** The file with a comment's {@code ```suggestion} put in place of its lines. */
  static String apply(String source, SeenComment comment) {
    String suggestion = comment.suggestion();
    if (suggestion == null) {
      throw new IllegalArgumentException("comment " + comment.id() + " suggests nothing");
    }
    int first = comment.startLine() != null ? comment.startLine() : comment.line();
    return replaceLines(source, first, comment.line(), suggestion.lines().toList());
  }

  /**
   * The file with a flagged line changed not as suggested: an off-by-one loop bound rewritten with
   * {@code <} and {@code i += 1}, any other line marked by a trailing comment.
   */
  static String fixOtherwise(String source, SeenComment comment) {
    String line = source.lines().toList().get(comment.line() - 1);
    String fixed =
        line.contains("<=") && line.contains("i++")
            ? line.replace("<=", "<").replace("i++", "i += 1")
            : line.stripTrailing() + " // checked in review";
    return replaceLines(source, comment.line(), comment.line(), List.of(fixed));
  }

  static String replaceLines(String source, int first, int last, List<String> replacement) {
    List<String> lines = new ArrayList<>(source.lines().toList());
    if (first < 1 || last < first || last > lines.size()) {
      throw new IllegalArgumentException(
          "lines " + first + "-" + last + " of a file of " + lines.size());
    }
    lines.subList(first - 1, last).clear();
    lines.addAll(first - 1, replacement);
    return String.join("\n", lines) + "\n";
  }

  // ---------------------------------------------------------------- sources

  static String pathOf(int pullRequest, String className) {
    return "src/main/java/com/acme/team/p" + pullRequest + "/" + className + ".java";
  }

  static String packageOf(int pullRequest) {
    return "com.acme.team.p" + pullRequest;
  }

  /** Line 3 draws AvoidStarImport; nothing else of Google's rule set applies. */
  static String widget(int pullRequest) {
    return """
        package %s;

        import java.util.*;

        /** Parts of widget %d. */
        public class Widget {
          private final List<String> parts = new ArrayList<>();

          /** How many parts there are. */
          public int count() {
            return parts.size();
          }
        }
        """
        .formatted(packageOf(pullRequest), pullRequest);
  }

  /** Line 9: the planted loop bound, as in {@code PipelineEndToEndTest.TOTALS}. */
  static String totals(String pkg) {
    return """
        package %s;

        public final class Totals {

          private Totals() {}

          public static int sum(int[] prices) {
            int total = 0;
            for (int i = 0; i <= prices.length; i++) {
              total += prices[i];
            }
            return total;
          }
        }
        """
        .formatted(pkg);
  }

  // ---------------------------------------------------------------- determinism

  /** A number in {@code [0, bound)} that depends only on the seed, a purpose and a PR. */
  static int pick(long seed, String purpose, int pullRequest, int bound) {
    byte[] digest = digest(seed + "/" + purpose + "/" + pullRequest);
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (digest[i] & 0xff);
    }
    return (int) Math.floorMod(value, (long) bound);
  }

  private static String sha(String purpose, int pullRequest, int revision) {
    return HexFormat.of().formatHex(digest(purpose + "/" + pullRequest + "/" + revision));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
