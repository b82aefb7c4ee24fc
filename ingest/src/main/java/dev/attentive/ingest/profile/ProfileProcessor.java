package dev.attentive.ingest.profile;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.ProfileRequest;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Topics;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import dev.attentive.streams.Sink;
import dev.attentive.streams.Sinks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.jboss.logging.Logger;

/**
 * For each profile request, once: learn the repository's profile when it is due and publish it,
 * keyed by repository, on the compacted {@link Topics#REPO_PROFILES}. Due means: a push moved the
 * default branch to a commit not learned yet; or a pull request (or command) found no profile, or
 * one older than {@code attentive.ingest.profiles.max-age}. What was learned (commit, time) is kept
 * per repository in a changelogged state store, written in the same exactly-once transaction as the
 * profile.
 *
 * <p>Requests are a sub-topology of their own, fed by the delivery processor after it has emitted a
 * pull request's chunks: a profile that fails or takes long never holds back a review. A request
 * that cannot be served goes to the dead-letter topic with a reason: {@code
 * profile_branch_not_found} (the branch, commit or most files vanished), {@code profile_forbidden}
 * (the installation may not read the code), {@code profile_repository_empty}, {@code
 * profile_rate_limited}, {@code profile_github_unavailable} (5xx, I/O, time-outs after retries) or
 * {@code profile_failed}.
 */
public final class ProfileProcessor extends ExactlyOnceProcessor<ProfileRequest> {

  public static final String LEARNED_STORE = "learned-profiles";
  public static final String NODE = "learn-profile";

  /**
   * The dead letters of profile requests go through a sink node of their own: sharing the delivery
   * processor's would join both into one stream task, and a profile would hold back chunks.
   */
  public static final Sink<DeadLetter> DEAD_LETTERS =
      Sinks.DEAD_LETTERS.viaNode("profile-dead-letters");

  private static final Logger LOG = Logger.getLogger(ProfileProcessor.class);
  private static final Set<String> REASONS =
      Set.of(ProfileRequest.PUSH, ProfileRequest.PULL_REQUEST, "command");

  private final ProfileFetcher fetcher;
  private final Duration maxAge;
  private final MeterRegistry metrics;
  private final Clock clock;
  private KeyValueStore<String, String> learned;

  public ProfileProcessor(
      ProfileFetcher fetcher, Duration maxAge, MeterRegistry metrics, Clock clock) {
    super(
        Topics.PROFILE_REQUESTS,
        EventSerdes.profileRequest(),
        "profile_request",
        new DeadLetters("ingest", metrics, clock));
    this.fetcher = fetcher;
    this.maxAge = maxAge;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Adds the profile sub-topology: profile requests in → (when due) a profile learned from GitHub →
   * the compacted profiles topic, or a dead letter. Its own source, store and sinks, so its tasks
   * run apart from the deliveries' and a profile never holds back a pull request's chunks.
   */
  public static Topology addTo(
      Topology topology,
      ProfileFetcher fetcher,
      Duration maxAge,
      MeterRegistry metrics,
      Clock clock) {
    topology
        .addSource(
            "profile-requests",
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer(),
            Topics.PROFILE_REQUESTS)
        .addProcessor(
            NODE, () -> new ProfileProcessor(fetcher, maxAge, metrics, clock), "profile-requests")
        .addStateStore(
            Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(LEARNED_STORE), Serdes.String(), Serdes.String()),
            NODE);
    Sinks.REPO_PROFILES.addTo(topology, NODE);
    DEAD_LETTERS.addTo(topology, NODE);
    return topology;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    super.init(context);
    this.learned = context.getStateStore(LEARNED_STORE);
  }

  @Override
  protected Sink<DeadLetter> deadLetterSink() {
    return DEAD_LETTERS;
  }

  @Override
  protected void validate(ProfileRequest request) {
    if (request.repository() == null || !request.repository().matches("[^/\\s]+/[^/\\s]+")) {
      throw new IllegalArgumentException("repository must be owner/name: " + request.repository());
    }
    if (!REASONS.contains(request.reason())) {
      throw new IllegalArgumentException("unknown reason " + request.reason());
    }
    if (ProfileRequest.PUSH.equals(request.reason()) && request.sha() == null) {
      throw new IllegalArgumentException("a push request names the commit pushed");
    }
  }

  @Override
  protected void process(Record<String, byte[]> record, ProfileRequest request) {
    String repository = request.repository();
    String skip = skipReason(request, LearnedProfile.decode(learned.get(repository)));
    if (skip != null) {
      metrics.counter("attentive.ingest.profiles.skipped", "reason", skip).increment();
      LOG.debugf("profile of %s not relearned (%s): %s", repository, request.reason(), skip);
      return;
    }
    Timer.Sample timer = Timer.start(metrics);
    String outcome = "failed";
    try {
      RepositoryProfile profile = fetcher.learn(request);
      send(Sinks.REPO_PROFILES, new Record<>(repository, profile, record.timestamp()));
      learned.put(repository, new LearnedProfile(profile.sha(), profile.learnedAt()).encode());
      outcome = "learned";
      LOG.infof(
          "profile of %s@%s learned (%s): %d of %d Java files, %d bytes, %d GitHub requests, %d"
              + " conventions enforced",
          repository,
          profile.sha(),
          request.reason(),
          profile.sample().sampledFiles(),
          profile.sample().javaFiles(),
          profile.sample().bytes(),
          profile.sample().requests(),
          profile.enforced().size());
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while learning the profile of " + repository, e);
    } catch (IOException e) {
      deadLetter(record, reason(e), e);
    } catch (RuntimeException | StackOverflowError e) {
      // A parser fault on one strange file must not take the stream thread down.
      deadLetter(record, "profile_failed", e);
    } finally {
      timer.stop(metrics.timer("attentive.ingest.profiles.learn", "outcome", outcome));
    }
  }

  /** Why the request needs no new profile, or null when it does. */
  String skipReason(ProfileRequest request, LearnedProfile known) {
    if (known == null) {
      return null;
    }
    if (ProfileRequest.PUSH.equals(request.reason())) {
      return request.sha().equals(known.sha()) ? "same_commit" : null;
    }
    return known.learnedAt().plus(maxAge).isAfter(clock.instant()) ? "fresh" : null;
  }

  /** The dead-letter reason of a failed profile. */
  static String reason(IOException e) {
    if (e instanceof GitHubFailedException failed) {
      return switch (failed.reason()) {
        case "github_rate_limited" -> "profile_rate_limited";
        case "github_unavailable" -> "profile_github_unavailable";
        case "github_404", "github_422" -> "profile_branch_not_found";
        case "github_401", "github_403" -> "profile_forbidden";
        case "github_409" -> "profile_repository_empty";
        default -> "profile_" + failed.reason();
      };
    }
    return e instanceof FileNotFoundException
        ? "profile_branch_not_found"
        : "profile_github_unavailable";
  }
}
