package dev.attentive.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.local.TeamScenario.Decision;
import dev.attentive.local.TeamScenario.PullRequestPlan;
import dev.attentive.local.TeamScenario.SeenComment;
import dev.attentive.local.TeamWebhooks.Delivery;
import dev.attentive.local.TeamWebhooks.ThreadComment;
import dev.attentive.testkit.github.EmulatedResponse;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.NewReviewComment;
import dev.attentive.testkit.github.PostedComment;
import dev.attentive.testkit.github.PostedReview;
import dev.attentive.testkit.github.PullRequestFixture;
import dev.attentive.testkit.github.RepositoryContents;
import dev.attentive.testkit.github.RepositoryFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Plays a {@link TeamScenario} against a running {@link Pipeline}: serves each revision of each
 * pull request in the emulator, sends the team's signed webhooks, waits for each review, and lets
 * the scripted people answer the comments Attentive posted (reactions, resolved threads, replies,
 * and code pushed in the next revision). Pull requests are played one after another, so what
 * Attentive learned from one is in place for the next. What happened is returned for the test to
 * judge.
 */
final class TeamWeek {

  /** One review round: the webhook for a head, the reviewer's review, what was posted for it. */
  record Round(
      int pullRequest,
      int push,
      String deliveryId,
      String beforeSha,
      String headSha,
      Map<String, String> filesBefore,
      Map<String, String> files,
      Review review,
      List<PostedReview> posted) {

    List<PostedComment> comments() {
      return posted.stream().flatMap(p -> p.comments().stream()).toList();
    }
  }

  /** What a person did with one posted comment; {@code fixedIn} the head that changed its line. */
  record Action(
      int pullRequest,
      int round,
      long commentId,
      String path,
      int line,
      String lineText,
      Decision decision,
      boolean replied,
      String fixedIn) {}

  /** Everything that happened in the week. */
  record Log(
      TeamScenario scenario,
      List<Round> rounds,
      List<Action> actions,
      Set<Long> humanCommentIds,
      boolean peopleActedOnGitHub) {}

  /** How long the reviewer may take for one head (a cold JVM's first review is the slowest). */
  static final Duration REVIEW_WAIT = Duration.ofSeconds(180);

  /** How long the publisher may take to post a review that has something new. */
  static final Duration POST_WAIT = Duration.ofSeconds(45);

  /** When nothing new is expected: a short look that nothing is posted after all. */
  static final Duration QUIET = Duration.ofMillis(1500);

  private static final Pattern MARKER = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  private final Pipeline pipeline;
  private final GitHubEmulator github;
  private final TeamScenario scenario;
  private final TeamWebhooks hooks;
  private final TeamGitHub people;
  private final List<Round> rounds = new ArrayList<>();
  private final List<Action> actions = new ArrayList<>();
  private final Set<Long> humanCommentIds = new HashSet<>();
  private long syntheticIds = 9_000_000_000L;

  TeamWeek(Pipeline pipeline, TeamScenario scenario, long installationId) {
    this.pipeline = pipeline;
    this.github = pipeline.github();
    this.scenario = scenario;
    this.hooks = new TeamWebhooks(scenario.seed(), scenario.repository(), installationId);
    this.people = new TeamGitHub(github, Pipeline.EMULATOR_TOKEN);
  }

  /** Plays every pull request of the scenario. */
  Log play() throws IOException, InterruptedException {
    return play(scenario.pullRequests().size());
  }

  /** Plays the first {@code count} pull requests. */
  Log play(int count) throws IOException, InterruptedException {
    RepositoryContents.serve(
        github, scenario.repository(), "main", ".attentive.yml", TeamScenario.SETTINGS);
    for (PullRequestPlan pr : scenario.pullRequests().subList(0, count)) {
      playPullRequest(pr);
    }
    return new Log(
        scenario,
        List.copyOf(rounds),
        List.copyOf(actions),
        Set.copyOf(humanCommentIds),
        people.supported());
  }

  private void playPullRequest(PullRequestPlan pr) throws IOException, InterruptedException {
    long seed = scenario.seed();
    Map<String, String> files0 = new LinkedHashMap<>(pr.openedFiles());
    String head0 = pr.headSha(seed, 0);
    Round opened = review(pr, 0, null, head0, Map.of(), files0, hooks.opened(pr, head0));
    if (pr.humanThread()) {
      PostedReview own =
          github.addReview(
              scenario.repository(),
              pr.number(),
              pr.reviewer(),
              "",
              List.of(NewReviewComment.of(pr.widgetPath(), 10, "Could count() be cached?")));
      own.comments().forEach(c -> humanCommentIds.add(c.id()));
    }
    List<Action> first = answer(pr, opened, pr.openedAt(), pr.firstPushAt());

    // First push: the suggestions applied, and a new file with something new to say.
    Map<String, String> files1 = new LinkedHashMap<>(files0);
    String head1 = pr.headSha(seed, 1);
    applied(first, files1, head1);
    files1.put(pr.addedPath(), pr.addedSource());
    Round pushed =
        review(
            pr,
            1,
            head0,
            head1,
            files0,
            files1,
            hooks.synchronize(pr, head0, head1, pr.firstPushAt()));
    List<Action> second = answer(pr, pushed, pr.firstPushAt(), pr.secondPushAt());

    // Second push: what the first push's review suggested, and the lines fixed another way.
    Map<String, String> files2 = new LinkedHashMap<>(files1);
    String head2 = pr.headSha(seed, 2);
    applied(second, files2, head2);
    List<Action> later = new ArrayList<>(first);
    later.addAll(second);
    fixedOtherwise(later, files2, head2);
    String last = head1;
    if (!files2.equals(files1)) {
      review(
          pr,
          2,
          head1,
          head2,
          files1,
          files2,
          hooks.synchronize(pr, head1, head2, pr.secondPushAt()));
      last = head2;
    }
    deliver(hooks.merged(pr, last));
  }

  /** Serves a head, delivers its webhook and waits for the review and what is posted of it. */
  private Round review(
      PullRequestPlan pr,
      int push,
      String before,
      String head,
      Map<String, String> filesBefore,
      Map<String, String> files,
      Delivery delivery)
      throws IOException, InterruptedException {
    serve(pr, before, head, filesBefore, files);
    Set<Long> known = new HashSet<>();
    github.reviewsPosted(scenario.repository(), pr.number()).forEach(r -> known.add(r.id()));
    deliver(delivery);
    List<Review> reviews =
        pipeline
            .kafka()
            .await(
                Topics.REVIEWS,
                EventSerdes.review(),
                r -> r.deliveryId().equals(delivery.id()),
                1,
                REVIEW_WAIT);
    if (reviews.isEmpty()) {
      throw new AssertionError(
          "no review of " + pr.number() + "@" + head + " within " + REVIEW_WAIT);
    }
    Review review = reviews.get(0);
    // every suggestion is remembered, so no short-circuit here
    long fresh = review.suggestions().stream().filter(s -> isNew(pr, s)).count();
    boolean somethingNew = fresh > 0;
    List<PostedReview> posted = awaitPosted(pr, head, known, somethingNew ? POST_WAIT : QUIET);
    Round round =
        new Round(
            pr.number(),
            push,
            delivery.id(),
            before,
            head,
            Map.copyOf(filesBefore),
            Map.copyOf(files),
            review,
            posted);
    rounds.add(round);
    return round;
  }

  /** Suggestions seen in earlier reviews of the PR, by fingerprint. */
  private final Map<Integer, Set<String>> seen = new LinkedHashMap<>();

  private boolean isNew(PullRequestPlan pr, Suggestion s) {
    String fingerprint =
        s.fingerprint() != null ? s.fingerprint() : s.path() + "|" + s.ruleId() + "|" + s.message();
    return seen.computeIfAbsent(pr.number(), n -> new HashSet<>()).add(fingerprint);
  }

  private List<PostedReview> awaitPosted(
      PullRequestPlan pr, String head, Set<Long> known, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      List<PostedReview> fresh =
          github.reviewsPosted(scenario.repository(), pr.number()).stream()
              .filter(r -> !known.contains(r.id()) && head.equals(r.commitId()))
              .toList();
      if (!fresh.isEmpty() || System.nanoTime() > deadline) {
        return fresh;
      }
      Thread.sleep(100);
    }
  }

  /**
   * The people's answer to a round's comments, in the order GitHub shows them, at simulated times
   * spread between the review and the next push.
   */
  private List<Action> answer(PullRequestPlan pr, Round round, Instant after, Instant until)
      throws IOException, InterruptedException {
    List<Action> done = new ArrayList<>();
    List<PostedComment> comments =
        round.comments().stream().sorted(Comparator.comparingLong(PostedComment::id)).toList();
    Duration step = Duration.between(after, until).dividedBy(comments.size() + 1);
    Instant at = after;
    String bot = round.posted().isEmpty() ? null : round.posted().get(0).user();
    for (PostedComment c : comments) {
      at = at.plus(step);
      SeenComment seen = new SeenComment(c.id(), c.path(), c.line(), c.startLine(), c.body());
      Decision decision = scenario.decide(pr.number(), seen);
      ThreadComment posted = new ThreadComment(c.id(), bot, "Bot", c.path(), c.line(), c.body());
      List<ThreadComment> thread = new ArrayList<>(List.of(posted));
      boolean replied = scenario.replies(pr.number(), seen);
      if (replied) {
        String text = scenario.replyText(pr.number(), seen);
        long replyId = people.reply(c.id(), pr.author(), text).orElse(syntheticIds++);
        ThreadComment reply =
            new ThreadComment(replyId, pr.author(), "User", c.path(), c.line(), text);
        thread.add(reply);
        deliver(hooks.reply(pr, round.headSha(), posted, reply, at));
      }
      if (decision == Decision.REJECT) {
        people.react(c.id(), "-1", pr.reviewer());
        String threadId = threadOf(pr, c.id());
        people.resolveThread(threadId, pr.reviewer());
        deliver(hooks.threadResolved(pr, round.headSha(), threadId, thread, pr.reviewer(), at));
      }
      String lineText =
          round
              .files()
              .getOrDefault(c.path(), "")
              .lines()
              .skip(c.line() - 1)
              .findFirst()
              .orElse("");
      done.add(
          new Action(
              pr.number(),
              round.push(),
              c.id(),
              c.path(),
              c.line(),
              lineText,
              decision,
              replied,
              null));
    }
    actions.addAll(done);
    return done;
  }

  /** The thread's node id as GitHub's GraphQL API lists it, or a stand-in until it answers. */
  private String threadOf(PullRequestPlan pr, long commentId)
      throws IOException, InterruptedException {
    for (TeamGitHub.Thread t : people.threads(scenario.repository(), pr.number())) {
      if (t.commentIds().contains(commentId)) {
        return t.id();
      }
    }
    return "PRRT_simulated_" + commentId;
  }

  /** Puts the APPLY suggestions of these actions into the files, lowest line last. */
  private void applied(List<Action> answered, Map<String, String> files, String head) {
    List<Action> apply =
        answered.stream()
            .filter(a -> a.decision() == Decision.APPLY)
            .sorted(Comparator.comparingInt(Action::line).reversed())
            .toList();
    for (Action a : apply) {
      PostedComment c = comment(a.commentId());
      files.put(
          a.path(),
          TeamScenario.apply(
              files.get(a.path()),
              new SeenComment(c.id(), c.path(), c.line(), c.startLine(), c.body())));
      record(a, head);
    }
  }

  /** Changes, another way, the lines of the FIX_LATER actions still there as they were flagged. */
  private void fixedOtherwise(List<Action> answered, Map<String, String> files, String head) {
    for (Action a : answered) {
      if (a.decision() != Decision.FIX_LATER
          || a.fixedIn() != null
          || !files.containsKey(a.path())) {
        continue;
      }
      List<String> lines = files.get(a.path()).lines().toList();
      int at = lines.indexOf(a.lineText());
      if (at < 0) {
        continue;
      }
      files.put(
          a.path(),
          TeamScenario.fixOtherwise(
              files.get(a.path()), new SeenComment(a.commentId(), a.path(), at + 1, null, "")));
      record(a, head);
    }
  }

  private void record(Action a, String head) {
    actions.replaceAll(
        x ->
            x.commentId() == a.commentId()
                ? new Action(
                    x.pullRequest(),
                    x.round(),
                    x.commentId(),
                    x.path(),
                    x.line(),
                    x.lineText(),
                    x.decision(),
                    x.replied(),
                    head)
                : x);
  }

  private PostedComment comment(long id) {
    return rounds.stream()
        .flatMap(r -> r.comments().stream())
        .filter(c -> c.id() == id)
        .findFirst()
        .orElseThrow();
  }

  /**
   * The PR's files list at {@code head}, the files' contents, and the compare from {@code before}.
   */
  private void serve(
      PullRequestPlan pr,
      String before,
      String head,
      Map<String, String> filesBefore,
      Map<String, String> files) {
    PullRequestFixture fixture =
        github
            .pullRequest(scenario.repository(), pr.number())
            .head(head)
            .base(pr.baseSha())
            .headRef("feature-" + pr.number())
            .clearFiles();
    files.forEach(
        (path, source) -> fixture.file(path, "added", SyntheticJava.newFilePatch(source)));
    fixture.register();
    files.forEach(
        (path, source) ->
            RepositoryContents.serve(github, scenario.repository(), head, path, source));
    if (before != null) {
      String body = compare(scenario.repository(), before, head, filesBefore, files);
      github.serve(
          "GET",
          "/repos/" + scenario.repository() + "/compare/" + before + "(\\.\\.\\.|\\.\\.)" + head,
          request -> EmulatedResponse.json(200, body));
    }
  }

  /**
   * GitHub's compare answer ({@code GET /repos/{o}/{r}/compare/{base}...{head}}) between two
   * revisions: status {@code ahead} by one commit, and each changed file with its unified-diff
   * patch.
   */
  static String compare(
      String repository,
      String base,
      String head,
      Map<String, String> before,
      Map<String, String> after) {
    ObjectNode root = EventJson.mapper().createObjectNode();
    String api = "https://api.github.com/repos/" + repository;
    root.put("url", api + "/compare/" + base + "..." + head)
        .put("status", "ahead")
        .put("ahead_by", 1)
        .put("behind_by", 0)
        .put("total_commits", 1);
    root.putObject("base_commit").put("sha", base);
    root.putObject("merge_base_commit").put("sha", base);
    ArrayNode commits = root.putArray("commits");
    commits.addObject().put("sha", head).putArray("parents").addObject().put("sha", base);
    ArrayNode list = root.putArray("files");
    for (Map.Entry<String, String> file : after.entrySet()) {
      String old = before.get(file.getKey());
      if (file.getValue().equals(old)) {
        continue;
      }
      List<String> oldLines = old == null ? List.of() : old.lines().toList();
      List<String> newLines = file.getValue().lines().toList();
      List<String> unified =
          UnifiedDiffUtils.generateUnifiedDiff(
              file.getKey(), file.getKey(), oldLines, DiffUtils.diff(oldLines, newLines), 3);
      String patch =
          String.join("\n", unified.subList(Math.min(2, unified.size()), unified.size()));
      long additions = unified.stream().skip(2).filter(l -> l.startsWith("+")).count();
      long deletions = unified.stream().skip(2).filter(l -> l.startsWith("-")).count();
      list.addObject()
          .put("sha", RepositoryFixture.blobSha(file.getValue().getBytes(StandardCharsets.UTF_8)))
          .put("filename", file.getKey())
          .put("status", old == null ? "added" : "modified")
          .put("additions", additions)
          .put("deletions", deletions)
          .put("changes", additions + deletions)
          .put("patch", patch);
    }
    return root.toString();
  }

  private void deliver(Delivery delivery) throws IOException, InterruptedException {
    int status = pipeline.deliver(delivery.event(), delivery.id(), delivery.payload()).statusCode();
    if (status != 202) {
      throw new AssertionError(delivery.event() + " " + delivery.id() + " answered " + status);
    }
  }

  /** A comment's text without Attentive's hidden markers. */
  static String withoutMarkers(String body) {
    return MARKER.matcher(body).replaceAll("").strip();
  }
}
