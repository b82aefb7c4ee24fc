package dev.attentive.publisher.learning;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Topics;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import dev.attentive.streams.Sink;
import dev.attentive.streams.Sinks;
import dev.attentive.streams.StateStores;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * The learner: folds every {@link Feedback} of a repository into its {@link RepositoryLearning} (a
 * changelogged store keyed by repository, {@link Learner}) and emits the new learning to the
 * compacted {@link Topics#REPO_LEARNING} on every change, in the transaction that consumes the
 * feedback. A feedback id counted before changes nothing and emits nothing.
 */
public final class LearnerProcessor extends ExactlyOnceProcessor<Feedback> {

  /** Repository ({@code owner/name}) → {@link RepositoryLearning}. */
  public static final String STORE = "repo-learning";

  static final String SOURCE = "feedback";
  static final String NAME = "learn";

  /** Own sink nodes, so the learner stays a sub-topology of its own. */
  static final Sink<RepositoryLearning> LEARNING =
      Sink.toTopic(Topics.REPO_LEARNING, EventSerdes.repositoryLearning())
          .viaNode("learner-repo-learning");

  static final Sink<DeadLetter> DEAD_LETTERS = Sinks.DEAD_LETTERS.viaNode("learner-dead-letters");

  private static final Logger LOG = Logger.getLogger(LearnerProcessor.class);

  private final Learner learner;
  private final LearningMetrics metrics;
  private KeyValueStore<String, RepositoryLearning> store;

  public LearnerProcessor(Learner learner, LearningMetrics metrics, DeadLetters deadLetters) {
    super(Topics.FEEDBACK, EventSerdes.feedback(), "feedback", deadLetters);
    this.learner = learner;
    this.metrics = metrics;
  }

  /** Adds the learner's source, processor, store and sinks to the publisher's topology. */
  public static void addTo(
      Topology topology, Learner learner, LearningMetrics metrics, DeadLetters deadLetters) {
    topology
        .addSource(
            SOURCE,
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer(),
            Topics.FEEDBACK)
        .addProcessor(NAME, () -> new LearnerProcessor(learner, metrics, deadLetters), SOURCE)
        .addStateStore(
            StateStores.keyValue(STORE, Serdes.String(), EventSerdes.repositoryLearning()), NAME);
    LEARNING.addTo(topology, NAME);
    DEAD_LETTERS.addTo(topology, NAME);
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    super.init(context);
    store = context.getStateStore(STORE);
  }

  @Override
  protected Sink<DeadLetter> deadLetterSink() {
    return DEAD_LETTERS;
  }

  @Override
  protected void validate(Feedback feedback) {
    require(feedback.id(), "id");
    require(feedback.repository(), "repository");
    require(feedback.ruleId(), "rule id");
    if (feedback.type() == null) {
      throw new IllegalArgumentException("feedback without a type");
    }
  }

  private static void require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("feedback without a " + what);
    }
  }

  @Override
  protected void process(Record<String, byte[]> record, Feedback feedback) {
    // keyed by repository: a record under another key would split a repository's learning
    if (record.key() != null && !record.key().equals(feedback.repository())) {
      deadLetter(
          record,
          "invalid_feedback",
          new IllegalArgumentException(
              "keyed " + record.key() + " but about " + feedback.repository()));
      return;
    }
    String repository = feedback.repository();
    RepositoryLearning before = store.get(repository);
    learner
        .fold(before, feedback, Instant.ofEpochMilli(record.timestamp()))
        .ifPresentOrElse(
            after -> {
              store.put(repository, after);
              send(LEARNING, new Record<>(repository, after, record.timestamp()));
              metrics.counted(feedback, after);
              if (after.silenced(feedback.ruleId())
                  && (before == null || !before.silenced(feedback.ruleId()))) {
                LOG.infof("%s: rule %s is muted now", repository, feedback.ruleId());
              }
            },
            () -> LOG.debugf("%s: feedback %s counted before", repository, feedback.id()));
  }
}
