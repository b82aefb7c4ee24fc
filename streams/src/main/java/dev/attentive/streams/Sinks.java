package dev.attentive.streams;

import dev.attentive.events.BotCommand;
import dev.attentive.events.DeadLetter;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.ProfileRequest;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Review;
import dev.attentive.events.SandboxResult;
import dev.attentive.events.SourceFile;
import dev.attentive.events.Topics;

/** The topics the services' stream processors write, each with the serde of its event type. */
public final class Sinks {

  public static final Sink<PullRequestDiffChunk> DIFF_CHUNKS =
      Sink.toTopic(Topics.DIFF_CHUNKS, EventSerdes.diffChunk());
  public static final Sink<DiffManifest> DIFF_MANIFESTS =
      Sink.toTopic(Topics.DIFF_MANIFESTS, EventSerdes.diffManifest());
  public static final Sink<BotCommand> BOT_COMMANDS =
      Sink.toTopic(Topics.BOT_COMMANDS, EventSerdes.botCommand());
  public static final Sink<Review> REVIEWS = Sink.toTopic(Topics.REVIEWS, EventSerdes.review());
  public static final Sink<RepositoryProfile> REPO_PROFILES =
      Sink.toTopic(Topics.REPO_PROFILES, EventSerdes.repositoryProfile());
  public static final Sink<ProfileRequest> PROFILE_REQUESTS =
      Sink.toTopic(Topics.PROFILE_REQUESTS, EventSerdes.profileRequest());
  public static final Sink<SandboxResult> SANDBOX_RESULTS =
      Sink.toTopic(Topics.SANDBOX_RESULTS, EventSerdes.sandboxResult());
  public static final Sink<SourceFile> SOURCE_FILES =
      Sink.toTopic(Topics.SOURCE_FILES, EventSerdes.sourceFile());
  public static final Sink<DeadLetter> DEAD_LETTERS =
      Sink.toTopic(Topics.DEAD_LETTERS, EventSerdes.deadLetter());

  private Sinks() {}
}
