package dev.attentive.events;

/** One serde per event type, each reading the schema versions this build understands. */
public final class EventSerdes {

  private EventSerdes() {}

  public static JsonSerde<WebhookDelivery> webhookDelivery() {
    return new JsonSerde<>(WebhookDelivery.class, WebhookDelivery.SCHEMA_VERSION);
  }

  public static JsonSerde<PullRequestDiffChunk> diffChunk() {
    return new JsonSerde<>(PullRequestDiffChunk.class, PullRequestDiffChunk.SCHEMA_VERSION);
  }

  public static JsonSerde<DiffManifest> diffManifest() {
    return new JsonSerde<>(DiffManifest.class, DiffManifest.SCHEMA_VERSION);
  }

  public static JsonSerde<BotCommand> botCommand() {
    return new JsonSerde<>(BotCommand.class, BotCommand.SCHEMA_VERSION);
  }

  public static JsonSerde<Review> review() {
    return new JsonSerde<>(Review.class, Review.SCHEMA_VERSION);
  }

  public static JsonSerde<PostedFingerprints> postedFingerprints() {
    return new JsonSerde<>(PostedFingerprints.class, PostedFingerprints.SCHEMA_VERSION);
  }

  public static JsonSerde<CommentLedger> commentLedger() {
    return new JsonSerde<>(CommentLedger.class, CommentLedger.SCHEMA_VERSION);
  }

  public static JsonSerde<RepositoryProfile> repositoryProfile() {
    return new JsonSerde<>(RepositoryProfile.class, RepositoryProfile.SCHEMA_VERSION);
  }

  public static JsonSerde<SourceFile> sourceFile() {
    return new JsonSerde<>(SourceFile.class, SourceFile.SCHEMA_VERSION);
  }

  public static JsonSerde<ProfileRequest> profileRequest() {
    return new JsonSerde<>(ProfileRequest.class, ProfileRequest.SCHEMA_VERSION);
  }

  public static JsonSerde<SandboxJob> sandboxJob() {
    return new JsonSerde<>(SandboxJob.class, SandboxJob.SCHEMA_VERSION);
  }

  public static JsonSerde<SandboxResult> sandboxResult() {
    return new JsonSerde<>(SandboxResult.class, SandboxResult.SCHEMA_VERSION);
  }

  public static JsonSerde<ReviewActivity> reviewActivity() {
    return new JsonSerde<>(ReviewActivity.class, ReviewActivity.SCHEMA_VERSION);
  }

  public static JsonSerde<Feedback> feedback() {
    return new JsonSerde<>(Feedback.class, Feedback.SCHEMA_VERSION);
  }

  public static JsonSerde<RepositoryLearning> repositoryLearning() {
    return new JsonSerde<>(RepositoryLearning.class, RepositoryLearning.SCHEMA_VERSION);
  }

  public static JsonSerde<ModelAdaptation> modelAdaptation() {
    return new JsonSerde<>(ModelAdaptation.class, ModelAdaptation.SCHEMA_VERSION);
  }

  public static JsonSerde<DeadLetter> deadLetter() {
    return new JsonSerde<>(DeadLetter.class, DeadLetter.SCHEMA_VERSION);
  }
}
