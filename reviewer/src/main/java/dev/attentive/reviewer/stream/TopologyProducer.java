package dev.attentive.reviewer.stream;

import dev.attentive.events.JsonSerde;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.Analyzers;
import dev.attentive.reviewer.ReviewerConfig;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.AnalyzerDeadlines;
import dev.attentive.reviewer.analysis.dependencies.DependenciesConfig;
import dev.attentive.reviewer.analysis.dependencies.DependencyResolver;
import dev.attentive.reviewer.analysis.model.ModelConfig;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import dev.attentive.reviewer.analysis.style.TeamStyleAnalyzer;
import dev.attentive.reviewer.analysis.testgen.SandboxRunner;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer;
import dev.attentive.reviewer.analysis.testgen.TestsConfig;
import dev.attentive.reviewer.assembly.ReviewDraft;
import dev.attentive.reviewer.assembly.ReviewPart;
import dev.attentive.reviewer.sandbox.KafkaSandboxRunner;
import dev.attentive.reviewer.sandbox.SandboxWorker;
import dev.attentive.streams.Sink;
import dev.attentive.streams.Sinks;
import dev.attentive.streams.StateStores;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reviewer: diff chunks → analyzers → per-delivery assembly with the manifest → one complete
 * review.
 *
 * <pre>
 *   repo-profiles ──▶ [repo-profiles] (global table, read by analyze)
 *   model-adaptations ──▶ [model-adaptations] (global table, read by the model analyzer)
 *   source-files ──▶ [source-files] (global table by blob SHA, read by analyze)
 *   diff-chunks ──▶ analyze ──┐
 *                             ├──▶ assemble [review-drafts] ──▶ reviews
 *   diff-manifests ──▶ read ──┘        (and from each step: dead-letters)
 * </pre>
 *
 * Exactly once: a review is emitted in the same transaction that consumes its last part. With
 * {@code attentive.reviewer.role=sandbox} the application is a sandbox worker instead ({@link
 * SandboxWorker}'s topology).
 */
@ApplicationScoped
public class TopologyProducer {

  static final String ASSEMBLE = "assemble";

  /** Analysed chunks and manifests, to the assembly. */
  static final Sink<ReviewPart> REVIEW_PARTS = Sink.toProcessor(ASSEMBLE);

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrapServers;

  /** With {@code tests.sandbox=kafka}: the runner sending jobs to the sandbox workers. */
  private KafkaSandboxRunner sandboxRunner;

  @Produces
  public Topology buildTopology(ReviewerConfig config, MeterRegistry metrics) {
    Path javaHome = config.tests().javaHome().map(Path::of).orElse(null);
    switch (config.role()) {
      case ReviewerConfig.ROLE_REVIEWER -> {}
      case ReviewerConfig.ROLE_SANDBOX -> {
        // a sandbox worker: no analyzers, no model, nothing of the review
        return new SandboxWorker(
                config.sandbox().maxTimeout(), config.sandbox().maxHeapMb(), javaHome)
            .topology(metrics, Clock.systemUTC());
      }
      default ->
          throw new IllegalArgumentException(
              "attentive.reviewer.role must be reviewer or sandbox, not " + config.role());
    }
    TestsConfig tests =
        new TestsConfig(
            config.tests().execution().enabled(),
            config.tests().timeout(),
            config.tests().maxHeapMb(),
            config.tests().maxMethodsPerFile(),
            config.tests().maxCasesPerMethod(),
            javaHome);
    SandboxRunner runner =
        switch (config.tests().sandbox()) {
          case ReviewerConfig.Tests.LOCAL -> null;
          case ReviewerConfig.Tests.KAFKA ->
              sandboxRunner =
                  new KafkaSandboxRunner(
                      bootstrapServers,
                      tests.timeout(),
                      tests.maxHeapMb(),
                      config.tests().sandboxWait());
          default ->
              throw new IllegalArgumentException(
                  "attentive.reviewer.tests.sandbox must be local or kafka, not "
                      + config.tests().sandbox());
        };
    List<Analyzer> analyzers =
        Analyzers.create(
            config.analyzers(),
            deploymentRuleSet(config.style()),
            tests,
            new ModelConfig(
                config.model().path(),
                config.model().device(),
                config.model().workers(),
                config.model().maxBatch(),
                config.model().maxWait(),
                config.model().threshold(),
                config.model().maxLinesPerFile()),
            runner);
    DependencyResolver dependencies = dependencyResolver(config.dependencies());
    if (dependencies != null) {
      analyzers =
          analyzers.stream()
              .map(a -> a instanceof TestAnalyzer t ? t.withDependencies(dependencies) : a)
              .toList();
    }
    if (!config.style().conventions()) {
      analyzers =
          analyzers.stream()
              .map(
                  a ->
                      a instanceof TeamStyleAnalyzer team
                          ? (Analyzer) new TeamStyleAnalyzer(team.ruleSet(), false)
                          : a)
              .toList();
    }
    AnalyzerDeadlines deadlines =
        new AnalyzerDeadlines(
            new AnalyzerDeadlines.Limits(
                config.analyzerDeadline(), config.analyzerDeadlines(), config.analyzerThreads()));
    return topology(
        analyzers,
        deadlines,
        config.incompleteReviewTimeout(),
        config.sources().maxWait(),
        metrics,
        Clock.systemUTC());
  }

  @PreDestroy
  void closeSandboxRunner() {
    if (sandboxRunner != null) {
      sandboxRunner.close();
    }
  }

  /** The resolver of the repositories' Maven dependencies, or null (the default: off). */
  static DependencyResolver dependencyResolver(ReviewerConfig.Dependencies d) {
    if (!d.enabled()) {
      return null;
    }
    String url =
        d.repositoryUrl()
            .filter(u -> !u.isBlank())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "attentive.reviewer.dependencies.enabled needs"
                            + " attentive.reviewer.dependencies.repository-url"));
    return new DependencyResolver(
        new DependenciesConfig(
            url,
            d.cacheDir().map(Path::of).orElse(DependenciesConfig.defaultCacheDir()),
            d.maxArtifacts(),
            d.maxBytes(),
            d.timeout()));
  }

  /** The rule set the operator enforces everywhere, or null (the default: none). */
  static StyleConfig deploymentRuleSet(ReviewerConfig.Style style) {
    if (style.checkstyleConfig().isEmpty() && !style.formatter()) {
      return null;
    }
    return new StyleConfig(style.checkstyleConfig().orElse(StyleConfig.NONE), style.formatter());
  }

  public static Topology topology(
      List<Analyzer> analyzers,
      java.time.Duration incompleteTimeout,
      MeterRegistry metrics,
      Clock clock) {
    return topology(
        analyzers,
        new AnalyzerDeadlines(AnalyzerDeadlines.Limits.DEFAULTS),
        incompleteTimeout,
        metrics,
        clock);
  }

  public static Topology topology(
      List<Analyzer> analyzers,
      AnalyzerDeadlines deadlines,
      java.time.Duration incompleteTimeout,
      MeterRegistry metrics,
      Clock clock) {
    return topology(
        analyzers,
        deadlines,
        incompleteTimeout,
        AnalyzeProcessor.DEFAULT_SOURCES_WAIT,
        metrics,
        clock);
  }

  /**
   * @param sourcesWait how long a chunk waits for the source files it references
   */
  public static Topology topology(
      List<Analyzer> analyzers,
      AnalyzerDeadlines deadlines,
      java.time.Duration incompleteTimeout,
      java.time.Duration sourcesWait,
      MeterRegistry metrics,
      Clock clock) {
    JsonSerde<ReviewDraft> draftSerde =
        new JsonSerde<>(ReviewDraft.class, ReviewDraft.SCHEMA_VERSION);

    Topology topology =
        new Topology()
            .addSource(
                "chunks",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.DIFF_CHUNKS)
            .addSource(
                "manifests",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.DIFF_MANIFESTS)
            .addProcessor(
                "analyze",
                () -> new AnalyzeProcessor(analyzers, deadlines, metrics, clock, sourcesWait),
                "chunks")
            .addProcessor("read-manifest", () -> new ManifestReader(metrics, clock), "manifests")
            .addProcessor(
                ASSEMBLE,
                () -> new AssembleProcessor(incompleteTimeout, metrics, clock),
                "analyze",
                "read-manifest")
            .addStateStore(
                StateStores.keyValue(AssembleProcessor.DRAFTS, Serdes.String(), draftSerde),
                ASSEMBLE);
    ProfileTable.addTo(topology);
    LearningThresholds.addTo(topology);
    SourceTable.addTo(topology);
    AdaptationTable.addTo(topology);
    Sinks.REVIEWS.addTo(topology, ASSEMBLE);
    Sinks.DEAD_LETTERS.addTo(topology, "analyze", "read-manifest");
    return topology;
  }
}
