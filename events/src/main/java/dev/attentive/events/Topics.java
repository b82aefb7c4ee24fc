package dev.attentive.events;

import java.util.List;
import java.util.Map;

/**
 * The one place where topic names live. Every topic is keyed by {@link PullRequestKey} (or, for
 * deliveries that are not about a pull request, by repository), so that everything about one PR
 * lands on one partition, in order.
 */
public final class Topics {

  /**
   * Verified webhook deliveries, stored before ingest answers GitHub. Value: {@link
   * WebhookDelivery}.
   */
  public static final String WEBHOOK_DELIVERIES = "attentive.webhook-deliveries.v1";

  /** One record per reviewable file of a PR at a head SHA. Value: {@link PullRequestDiffChunk}. */
  public static final String DIFF_CHUNKS = "attentive.diff-chunks.v1";

  /** How many chunks one fetch of a PR produced. Value: {@link DiffManifest}. */
  public static final String DIFF_MANIFESTS = "attentive.diff-manifests.v1";

  /** {@code /attentive ...} commands from PR comments. Value: {@link BotCommand}. */
  public static final String BOT_COMMANDS = "attentive.bot-commands.v1";

  /** One complete review per fetch of a PR, from the reviewer. Value: {@link Review}. */
  public static final String REVIEWS = "attentive.reviews.v1";

  /**
   * Each repository's learned style profile, keyed by {@code owner/name}; compacted, so the newest
   * profile of every repository is kept for as long as the topic lives. Value: {@link
   * RepositoryProfile}.
   */
  public static final String REPO_PROFILES = "attentive.repo-profiles.v1";

  /**
   * Requests to learn or refresh a profile, keyed by {@code owner/name}. Value: {@link
   * ProfileRequest}.
   */
  public static final String PROFILE_REQUESTS = "attentive.profile-requests.v1";

  /**
   * Source files of the repositories under review, keyed by git blob SHA (a SHA names its content,
   * so the newest record of a key is the only one); compacted. Chunks reference them ({@link
   * PullRequestDiffChunk#sources()}); ingest writes them in the same transaction as, and before,
   * the chunks. Value: {@link SourceFile} (at most {@link SourceFile#MAX_BYTES} of text).
   */
  public static final String SOURCE_FILES = "attentive.source-files.v1";

  /**
   * What people and pushes did to reviewed PRs (replies, resolved threads, pushes with what they
   * changed, closes), from ingest, keyed by {@link PullRequestKey}. Value: {@link ReviewActivity}.
   */
  public static final String REVIEW_ACTIVITY = "attentive.review-activity.v1";

  /**
   * Outcomes of every posted comment and the team's rule commands, keyed by repository ({@code
   * owner/name}). Value: {@link Feedback}.
   */
  public static final String FEEDBACK = "attentive.feedback.v1";

  /**
   * What Attentive learned about each repository from its feedback, keyed by {@code owner/name};
   * compacted. Value: {@link RepositoryLearning}.
   */
  public static final String REPO_LEARNING = "attentive.repo-learning.v1";

  /**
   * Each repository's adaptation of the attention model, keyed by {@code owner/name}; compacted.
   * Value: {@link ModelAdaptation}.
   */
  public static final String MODEL_ADAPTATIONS = "attentive.model-adaptations.v1";

  /**
   * Records that could not be processed, with the reason and the original bytes. Value: {@link
   * DeadLetter}.
   */
  public static final String DEAD_LETTERS = "attentive.dead-letters.v1";

  /**
   * Runs of pull request code for the sandbox workers (reviewer role {@code sandbox}), keyed by job
   * id. Value: {@link SandboxJob}.
   */
  public static final String SANDBOX_JOBS = "attentive.sandbox-jobs.v1";

  /** The sandbox workers' answers, keyed by job id. Value: {@link SandboxResult}. */
  public static final String SANDBOX_RESULTS = "attentive.sandbox-results.v1";

  /**
   * Sandbox jobs and results: a job's zip of classes is capped at {@link
   * SandboxJob#MAX_CLASSES_ZIP_BYTES}, a result's lines at {@link SandboxResult#MAX_LINES_BYTES}.
   */
  public static final int MAX_SANDBOX_RECORD_BYTES = 4 * 1024 * 1024;

  /** Webhook payloads may be up to 25 MB; stored compressed, but the topic must accept them. */
  public static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

  private static final String RETENTION_1_DAY = String.valueOf(24L * 3600 * 1000);
  private static final String RETENTION_7_DAYS = String.valueOf(7L * 24 * 3600 * 1000);
  private static final String RETENTION_30_DAYS = String.valueOf(30L * 24 * 3600 * 1000);

  /**
   * Topic layout; partitions and replication are deployment choices, given to {@link TopicSetup}.
   */
  public record TopicSpec(String name, Map<String, String> configs) {}

  public static final List<TopicSpec> ALL =
      List.of(
          new TopicSpec(
              WEBHOOK_DELIVERIES,
              Map.of(
                  "retention.ms",
                  RETENTION_7_DAYS,
                  "max.message.bytes",
                  String.valueOf(MAX_MESSAGE_BYTES))),
          new TopicSpec(
              DIFF_CHUNKS,
              Map.of(
                  "retention.ms",
                  RETENTION_7_DAYS,
                  "max.message.bytes",
                  String.valueOf(MAX_MESSAGE_BYTES))),
          new TopicSpec(DIFF_MANIFESTS, Map.of("retention.ms", RETENTION_7_DAYS)),
          new TopicSpec(BOT_COMMANDS, Map.of("retention.ms", RETENTION_7_DAYS)),
          new TopicSpec(
              REVIEWS,
              Map.of(
                  "retention.ms",
                  RETENTION_7_DAYS,
                  "max.message.bytes",
                  String.valueOf(MAX_MESSAGE_BYTES))),
          new TopicSpec(
              REPO_PROFILES,
              Map.of(
                  "cleanup.policy",
                  "compact",
                  "max.message.bytes",
                  String.valueOf(4 * 1024 * 1024))),
          new TopicSpec(PROFILE_REQUESTS, Map.of("retention.ms", RETENTION_7_DAYS)),
          // a job is worth running for as long as its reviewer waits (seconds): a day is plenty
          new TopicSpec(
              SANDBOX_JOBS,
              Map.of(
                  "retention.ms",
                  RETENTION_1_DAY,
                  "max.message.bytes",
                  String.valueOf(MAX_SANDBOX_RECORD_BYTES))),
          new TopicSpec(
              SANDBOX_RESULTS,
              Map.of(
                  "retention.ms",
                  RETENTION_1_DAY,
                  "max.message.bytes",
                  String.valueOf(MAX_SANDBOX_RECORD_BYTES))),
          new TopicSpec(
              SOURCE_FILES,
              Map.of(
                  "cleanup.policy",
                  "compact",
                  "max.message.bytes",
                  String.valueOf(2 * 1024 * 1024))),
          new TopicSpec(REVIEW_ACTIVITY, Map.of("retention.ms", RETENTION_30_DAYS)),
          // outcomes are the training data of per-repository adaptation: kept until deleted
          new TopicSpec(FEEDBACK, Map.of("retention.ms", "-1")),
          new TopicSpec(
              REPO_LEARNING,
              Map.of(
                  "cleanup.policy",
                  "compact",
                  "max.message.bytes",
                  String.valueOf(4 * 1024 * 1024))),
          new TopicSpec(
              MODEL_ADAPTATIONS,
              Map.of(
                  "cleanup.policy",
                  "compact",
                  "max.message.bytes",
                  String.valueOf(4 * 1024 * 1024))),
          new TopicSpec(
              DEAD_LETTERS,
              Map.of(
                  "retention.ms",
                  RETENTION_30_DAYS,
                  "max.message.bytes",
                  String.valueOf(MAX_MESSAGE_BYTES))));

  private Topics() {}
}
