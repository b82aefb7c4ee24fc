package dev.attentive.ingest.fetch;

import dev.attentive.events.BotCommand;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.Topics;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.ingest.activity.LearningReport;
import dev.attentive.ingest.activity.LearningTable;
import dev.attentive.ingest.activity.ReviewedHeads;
import dev.attentive.ingest.github.GitHubGateway.PullRequestHead;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import dev.attentive.streams.Outgoing;
import dev.attentive.streams.ProcessedIds;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Carries out {@code /attentive <command>} comments ({@link BotCommand}s from {@link
 * Topics#BOT_COMMANDS}), once each: the command's delivery id goes into a changelogged store in the
 * same exactly-once transaction as what the command produces, so a replayed command record does
 * nothing.
 *
 * <p>Only users with write access to the repository (GitHub's permission {@code admin} or {@code
 * write}, which includes maintainers) may command; anyone else gets a polite reply and nothing
 * happens.
 *
 * <ul>
 *   <li>{@code review}: fetch the PR's current head and emit chunks and a manifest as for a push
 *       (trigger {@code command.review}); the publisher still never repeats a finding.
 *   <li>{@code full-review}: the same with trigger {@code command.full-review}: the publisher posts
 *       every current finding in a fresh review, also those posted before.
 *   <li>{@code tests}: the same, with only the {@code tests} analyzer (an analyzer override on the
 *       settings).
 *   <li>{@code pause} / {@code resume}: per PR, in {@link #PAUSED_STORE}; while paused, pushes are
 *       not fetched.
 *   <li>{@code ignore <rule>} / {@code unignore <rule>}: a {@link Feedback} of type {@code
 *       RULE_IGNORED} / {@code RULE_UNIGNORED} on {@link Topics#FEEDBACK}, keyed by repository (its
 *       id is the command's delivery id), from which the publisher's learner mutes the rule or
 *       turns it back on (forgetting its rejections) in this repository.
 *   <li>{@code why}: a reply with what Attentive learned about the repository ({@link
 *       LearningTable}).
 *   <li>{@code help}, anything else: a reply listing the commands.
 * </ul>
 *
 * Accepted commands are acknowledged with a reply comment. Replies are best effort: a reply GitHub
 * refuses is logged, never fails the command. (A transaction that aborts after a reply was posted
 * replays the command, which may reply twice; the records it produces are still written once.)
 */
public final class CommandProcessor extends ExactlyOnceProcessor<BotCommand> {

  /**
   * PR key → when it was paused (epoch ms); a PR in here gets no review of its pushes. Read by the
   * fetcher.
   */
  public static final String PAUSED_STORE = "paused-pull-requests";

  /** Command delivery id → when it was carried out (epoch ms). */
  public static final String EXECUTED_STORE = "executed-commands";

  /**
   * Rule ids are short ({@code model/add_not}, a Checkstyle check's name): anything longer is not
   * one.
   */
  static final int MAX_RULE_ID_CHARS = 200;

  static final Set<String> ALLOWED_PERMISSIONS = Set.of("admin", "maintain", "write");

  private static final Logger LOG = Logger.getLogger(CommandProcessor.class);

  private final FetchContext ctx;
  private final PullRequestFetcher fetcher;
  private ProcessedIds executed;
  private KeyValueStore<String, Long> paused;
  private ReviewedHeads reviewed;
  private LearningTable learning;

  public CommandProcessor(FetchContext ctx) {
    super(
        Topics.BOT_COMMANDS,
        EventSerdes.botCommand(),
        "command",
        new DeadLetters("ingest", ctx.metrics(), ctx.clock()));
    this.ctx = ctx;
    this.fetcher = new PullRequestFetcher(ctx);
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    super.init(context);
    this.executed = ProcessedIds.open(context, EXECUTED_STORE, ctx.dedupeRetention(), ctx.clock());
    this.paused = context.getStateStore(PAUSED_STORE);
    this.reviewed = new ReviewedHeads(context.getStateStore(ReviewedHeads.STORE));
    this.learning = new LearningTable(context.getStateStore(LearningTable.STORE));
  }

  @Override
  protected void process(Record<String, byte[]> record, BotCommand command) {
    if (executed.contains(command.deliveryId())) {
      ctx.metrics()
          .counter("attentive.ingest.commands", "command", name(command), "outcome", "duplicate")
          .increment();
      LOG.infof(
          "command %s (delivery %s) already carried out; skipped",
          name(command), command.deliveryId());
      return;
    }
    try {
      List<Outgoing<?>> out = execute(command);
      for (Outgoing<?> one : out) {
        send(one, record.timestamp());
        ctx.metrics()
            .counter("attentive.ingest.records.published", "topic", one.sink().topic())
            .increment();
      }
      executed.add(command.deliveryId());
    } catch (GitHubFailedException e) {
      deadLetter(record, e.reason(), e);
    } catch (IOException e) {
      deadLetter(record, "github_unavailable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "interrupted while carrying out a command on " + command.key(), e);
    } catch (RuntimeException e) {
      deadLetter(record, "processing_failed", e);
    }
  }

  private List<Outgoing<?>> execute(BotCommand command) throws IOException, InterruptedException {
    String name = name(command);
    String key = command.key().value();
    String author = command.author();
    GitHubCalls.Budget budget = ctx.calls().budget();
    String permission =
        author == null
            ? "none"
            : ctx.calls()
                .read(
                    "permission of " + author + " on " + key,
                    budget,
                    previous ->
                        ctx.github()
                            .permission(command.repository(), author, command.installationId()));
    if (!ALLOWED_PERMISSIONS.contains(permission)) {
      count(name, "refused");
      LOG.infof(
          "%s: %s (permission %s) may not command the bot; /%s refused",
          key, author, permission, name);
      reply(
          command,
          "Sorry @"
              + author
              + ", only people with write access to this repository can give Attentive"
              + " commands. Nothing was done.");
      return List.of();
    }
    switch (name) {
      case "review":
      case "full-review":
      case "tests":
        {
          PullRequestHead head =
              ctx.calls()
                  .read(
                      "get pull request " + key,
                      budget,
                      previous ->
                          ctx.github()
                              .pullRequest(
                                  command.repository(),
                                  command.pullRequestNumber(),
                                  command.installationId()));
          if ("closed".equals(head.state())) {
            count(name, "closed");
            reply(
                command,
                "@"
                    + author
                    + ", this pull request is closed; Attentive reviews open pull requests only.");
            return List.of();
          }
          List<Outgoing<?>> out =
              fetcher.fetch(
                  new PullRequestFetcher.Request(
                      command.deliveryId(),
                      command.repository(),
                      command.pullRequestNumber(),
                      head.baseSha(),
                      head.headSha(),
                      command.installationId(),
                      "command." + name,
                      head.defaultBranch(),
                      name.equals("tests") ? List.of("tests") : null),
                  budget);
          // A command reviews the whole diff; later pushes are incremental on top of this head.
          reviewed.recordFrom(key, out);
          count(name, "accepted");
          String what =
              switch (name) {
                case "full-review" ->
                    "a full review (every current finding, also those posted before)";
                case "tests" -> "a review with the tests analyzer only";
                default -> "a review";
              };
          reply(
              command,
              "👀 @"
                  + author
                  + ", "
                  + what
                  + " of "
                  + shortSha(head.headSha())
                  + " is on its way.");
          return out;
        }
      case "pause":
        paused.put(key, ctx.clock().millis());
        count(name, "accepted");
        reply(
            command,
            "⏸️ @"
                + author
                + ", Attentive will not review new pushes to this pull request until someone"
                + " with write access comments `"
                + prefix()
                + " resume`.");
        return List.of();
      case "resume":
        paused.delete(key);
        count(name, "accepted");
        reply(
            command,
            "▶️ @"
                + author
                + ", Attentive reviews pushes to this pull request again. Comment `"
                + prefix()
                + " review` to review the current head now.");
        return List.of();
      case "ignore":
      case "unignore":
        return ruleCommand(command, name);
      case "why":
        count(name, "accepted");
        reply(command, LearningReport.why(learning.lookup(command.repository()), prefix()));
        return List.of();
      case "help":
        count(name, "accepted");
        reply(command, help(null));
        return List.of();
      default:
        count(name, "unknown");
        reply(command, help(command.command()));
        return List.of();
    }
  }

  /** {@code ignore <rule>} / {@code unignore <rule>}: the team's word on a rule, as feedback. */
  private List<Outgoing<?>> ruleCommand(BotCommand command, String name) {
    String author = command.author();
    String rule = command.arguments().isEmpty() ? "" : command.arguments().get(0).strip();
    if (rule.isEmpty() || rule.length() > MAX_RULE_ID_CHARS) {
      count(name, "invalid");
      reply(
          command,
          "@"
              + author
              + ", say which rule: `"
              + prefix()
              + " "
              + name
              + " <rule>`, with the rule id that Attentive's comments show (e.g. `model/add_not`)."
              + " `"
              + prefix()
              + " why` lists the rules it knows here.");
      return List.of();
    }
    boolean ignore = name.equals("ignore");
    Feedback feedback =
        new Feedback(
            Feedback.SCHEMA_VERSION,
            command.deliveryId(),
            command.repository(),
            command.pullRequestNumber(),
            ignore ? Feedback.Type.RULE_IGNORED : Feedback.Type.RULE_UNIGNORED,
            null,
            rule,
            null,
            null,
            0.0,
            null,
            null,
            0,
            0L,
            null,
            author,
            String.join(" ", command.arguments()),
            command.createdAt());
    count(name, "accepted");
    reply(
        command,
        ignore
            ? "🔇 @"
                + author
                + ", Attentive will no longer comment inline on `"
                + rule
                + "` in this repository. `"
                + prefix()
                + " unignore "
                + rule
                + "` turns it back on."
            : "🔊 @"
                + author
                + ", Attentive comments on `"
                + rule
                + "` in this repository again, and forgets the rejections it had learned for it.");
    return List.of(new Outgoing<>(ReviewedHeads.FEEDBACK, command.repository(), feedback));
  }

  private String help(String unknown) {
    String p = prefix();
    return (unknown == null ? "" : "Attentive does not know the command `" + unknown + "`.\n\n")
        + "Attentive understands these commands in a pull request comment (from people with write access):\n\n"
        + "| command | what it does |\n|---|---|\n"
        + "| `"
        + p
        + " review` | review the current head now |\n"
        + "| `"
        + p
        + " full-review` | review the current head and post every current finding in a fresh review,"
        + " also those posted before |\n"
        + "| `"
        + p
        + " tests` | review the current head with the tests analyzer only |\n"
        + "| `"
        + p
        + " pause` | stop reviewing new pushes to this pull request |\n"
        + "| `"
        + p
        + " resume` | review new pushes again |\n"
        + "| `"
        + p
        + " ignore <rule>` | stop inline comments of this rule in this repository |\n"
        + "| `"
        + p
        + " unignore <rule>` | comment on this rule again (and forget its learned rejections) |\n"
        + "| `"
        + p
        + " why` | what Attentive has learned about this repository: rules accepted and rejected,"
        + " what is muted and why, the model's thresholds |\n"
        + "| `"
        + p
        + " help` | this list |\n";
  }

  private String prefix() {
    return ctx.commands().commandPrefix();
  }

  /** Best effort: a reply that cannot be posted is logged and counted, never fails the command. */
  private void reply(BotCommand command, String body) {
    try {
      ctx.github()
          .comment(
              command.repository(), command.pullRequestNumber(), body, command.installationId());
    } catch (IOException | RuntimeException e) {
      ctx.metrics().counter("attentive.ingest.command.replies.failed").increment();
      LOG.warnf("could not reply on %s: %s", command.key(), e.getMessage());
    }
  }

  private void count(String command, String outcome) {
    ctx.metrics()
        .counter("attentive.ingest.commands", "command", command, "outcome", outcome)
        .increment();
  }

  private static String name(BotCommand command) {
    String name = command.command() == null ? "help" : command.command().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "review",
          "full-review",
          "tests",
          "pause",
          "resume",
          "ignore",
          "unignore",
          "why",
          "help" ->
          name;
      default -> "unknown";
    };
  }

  private static String shortSha(String sha) {
    return sha == null || sha.length() < 7 ? String.valueOf(sha) : sha.substring(0, 7);
  }
}
