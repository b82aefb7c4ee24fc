package dev.attentive.reviewer.stream;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Hunk;
import dev.attentive.events.LineRange;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.AnalyzerDeadlines;
import dev.attentive.reviewer.analysis.RepositoryAnalyzers;
import dev.attentive.reviewer.analysis.SourceContext;
import dev.attentive.reviewer.analysis.model.ModelAnalyzer;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer;
import dev.attentive.reviewer.assembly.ChunkOutcome;
import dev.attentive.reviewer.assembly.ReviewPart;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * Runs the analyzers over one diff chunk: those the deployment enables, narrowed and configured by
 * the repository's settings on the chunk ({@link RepositoryAnalyzers}); suggestions under the
 * repository's {@code minConfidence} are dropped, and so are those outside the chunk's increment
 * (the lines changed since the head last reviewed) when it has one. An unreadable chunk is
 * dead-lettered; an analyzer that throws is dead-lettered with the chunk's bytes *and* noted in the
 * outcome, so the review still completes without it. Each analyzer call runs under a deadline
 * ({@link AnalyzerDeadlines}): past it, the same, and the review goes out with the other analyzers'
 * findings.
 */
public final class AnalyzeProcessor extends ExactlyOnceProcessor<PullRequestDiffChunk> {

  private static final Logger LOG = Logger.getLogger(AnalyzeProcessor.class);

  private final RepositoryAnalyzers analyzers;
  private final List<Analyzer> models;
  private final AnalyzerDeadlines deadlines;
  private final MeterRegistry metrics;
  private final Duration sourcesWait;
  private ProfileTable profiles;
  private SourceTable sourceFiles;

  /** How long a chunk waits for its referenced source files by default. */
  public static final Duration DEFAULT_SOURCES_WAIT = Duration.ofSeconds(2);

  public AnalyzeProcessor(
      List<Analyzer> analyzers, AnalyzerDeadlines deadlines, MeterRegistry metrics, Clock clock) {
    this(analyzers, deadlines, metrics, clock, DEFAULT_SOURCES_WAIT);
  }

  /**
   * @param sourcesWait how long a chunk waits for referenced source files the global table does not
   *     have yet ({@code attentive.reviewer.sources.max-wait})
   */
  public AnalyzeProcessor(
      List<Analyzer> analyzers,
      AnalyzerDeadlines deadlines,
      MeterRegistry metrics,
      Clock clock,
      Duration sourcesWait) {
    super(
        Topics.DIFF_CHUNKS,
        EventSerdes.diffChunk(),
        "chunk",
        new DeadLetters("reviewer", metrics, clock));
    this.analyzers = new RepositoryAnalyzers(analyzers);
    this.models = analyzers.stream().filter(ModelAnalyzer.class::isInstance).toList();
    this.deadlines = deadlines;
    this.metrics = metrics;
    this.sourcesWait = sourcesWait;
  }

  /** Said once per review (notes are a set) while a repository's profile is not learned yet. */
  public static final String LEARNING_NOTE =
      "learning this repository's conventions: style comments on them start once its profile is"
          + " ready";

  @Override
  public void init(ProcessorContext<String, Object> context) {
    super.init(context);
    this.profiles = new ProfileTable(context.getStateStore(ProfileTable.STORE));
    this.sourceFiles = new SourceTable(context.getStateStore(SourceTable.STORE));
    // the global table is one per instance: every task hands the model the same lookup
    LearningThresholds thresholds =
        new LearningThresholds(context.getStateStore(LearningThresholds.STORE));
    models.forEach(m -> ((ModelAnalyzer) m).useRepositoryThresholds(thresholds::of));
    // Every task sees the same global table: the model analyzer reads adaptations through it.
    AdaptationTable adaptations = new AdaptationTable(context.getStateStore(AdaptationTable.STORE));
    models.forEach(a -> ((ModelAnalyzer) a).adaptWith(adaptations::lookup));
  }

  /** Said when a chunk's referenced source files did not all arrive within the wait. */
  static String missingSourcesNote(String path, int missing, int referenced, Duration wait) {
    return missing
        + " of the "
        + referenced
        + " repository files "
        + path
        + " may need had not arrived after "
        + AnalyzerDeadlines.readable(wait)
        + ": its tests were compiled without them";
  }

  @Override
  protected void process(Record<String, byte[]> record, PullRequestDiffChunk chunk) {
    List<Suggestion> suggestions = new ArrayList<>();
    Map<String, String> versions = new java.util.TreeMap<>();
    List<String> notes = new ArrayList<>();
    // The repository's choice of analyzers and rule set, and its confidence bar (.attentive.yml via
    // the chunk).
    RepositorySettings settings = RepositorySettings.orDefaults(chunk.settings());
    // The repository's learned conventions and the style tools it declares (ingest's profile).
    ProfileTable.Lookup profile = profiles.lookup(chunk.repository());
    RepositoryAnalyzers.Selection selection = analyzers.select(chunk.settings(), profile.profile());
    notes.addAll(selection.notes());
    if (profile.profile() == null
        && "java".equals(chunk.language())
        && selection.analyzers().stream().anyMatch(a -> a.id().equals("style"))) {
      if (profile.problem() != null) {
        metrics.counter("attentive.reviewer.profiles.unreadable").increment();
        notes.add(
            "the style conventions of "
                + chunk.repository()
                + " were not checked: "
                + profile.problem());
      } else {
        notes.add(LEARNING_NOTE);
      }
    }
    SourceContext sources = sources(chunk, selection.analyzers(), notes);
    for (Analyzer analyzer : selection.analyzers()) {
      Timer.Sample sample = Timer.start(metrics);
      String outcome = "success";
      try {
        List<Suggestion> found = new ArrayList<>();
        Analyzer.Findings findings =
            deadlines.findings(analyzer, chunk, settings, profile.profile(), sources);
        // e.g. the tests analyzer's "no tests proposed for ...": the summary says it once
        notes.addAll(findings.notes());
        for (Suggestion s : findings.suggestions()) {
          // A push onto a reviewed head: only lines changed since get new comments.
          String dropped =
              !settings.keeps(s.confidence())
                  ? "min_confidence"
                  : chunk.increment() != null
                          && !chunk.increment().touches(s.startLine(), s.endLine())
                      ? "not_in_increment"
                      : null;
          if (dropped == null) {
            found.add(s);
          } else {
            metrics
                .counter(
                    "attentive.reviewer.suggestions.dropped",
                    "reason",
                    dropped,
                    "analyzer",
                    analyzer.id())
                .increment();
          }
        }
        suggestions.addAll(found);
        String version = analyzer.version(chunk);
        if (version != null) {
          versions.put(analyzer.id(), version);
        }
        found.forEach(
            s ->
                metrics
                    .counter(
                        "attentive.reviewer.suggestions",
                        "kind",
                        s.kind().name(),
                        "analyzer",
                        analyzer.id())
                    .increment());
      } catch (AnalyzerDeadlines.DeadlineExceeded e) {
        outcome = "deadline";
        Duration deadline = deadlines.limits().of(analyzer.id());
        LOG.warnf(
            "analyzer %s stopped after %s on %s @ %s; %d analyzer thread(s) busy",
            analyzer.id(), deadline, chunk.path(), chunk.headSha(), deadlines.busyThreads());
        metrics
            .counter("attentive.reviewer.analyzer.deadline.exceeded", "analyzer", analyzer.id())
            .increment();
        notes.add(AnalyzerDeadlines.stoppedNote(analyzer.id(), deadline, chunk.path()));
        deadLetter(record, "analyzer_deadline", e);
      } catch (AnalyzerDeadlines.NoThreadFree e) {
        // Calls past their deadline that ignore interruption hold every thread: skip, never wait.
        outcome = "skipped";
        LOG.errorf(
            "analyzer %s skipped on %s @ %s: %s (calls past their deadline)",
            analyzer.id(), chunk.path(), chunk.headSha(), e.getMessage());
        metrics
            .counter(
                "attentive.reviewer.analyzer.skipped", "analyzer", analyzer.id(), "reason", "busy")
            .increment();
        notes.add(AnalyzerDeadlines.skippedNote(analyzer.id(), chunk.path()));
      } catch (Exception | StackOverflowError e) {
        outcome = "failure";
        LOG.warnf(e, "analyzer %s failed on %s @ %s", analyzer.id(), chunk.path(), chunk.headSha());
        notes.add("analyzer " + analyzer.id() + " failed on " + chunk.path() + ": " + e);
        deadLetter(record, "analyzer_failed", e);
      } finally {
        sample.stop(
            metrics.timer(
                "attentive.reviewer.analyzer", "analyzer", analyzer.id(), "outcome", outcome));
      }
    }
    metrics.counter("attentive.reviewer.chunks.analysed").increment();
    ChunkOutcome outcome =
        new ChunkOutcome(
            chunk.deliveryId(),
            chunk.path(),
            chunk.chunkIndex(),
            suggestions,
            anchors(chunk),
            notes,
            selection.problems(),
            versions);
    send(TopologyProducer.REVIEW_PARTS, record.withValue(ReviewPart.of(outcome)));
  }

  /**
   * The chunk's referenced source files, for the tests analyzer (the only one that compiles; others
   * never make a chunk wait for them).
   */
  private SourceContext sources(
      PullRequestDiffChunk chunk, List<Analyzer> selected, List<String> notes) {
    if (chunk.sources() == null
        || chunk.sources().isEmpty()
        || selected.stream().noneMatch(a -> a.id().equals(TestAnalyzer.ID))) {
      return SourceContext.NONE;
    }
    try {
      SourceTable.Resolved resolved = sourceFiles.resolve(chunk, sourcesWait);
      if (resolved.missing() > 0) {
        metrics.counter("attentive.reviewer.sources.missing").increment(resolved.missing());
        LOG.infof(
            "%s @ %s: %d of %d source files not in the table after %s",
            chunk.path(), chunk.headSha(), resolved.missing(), resolved.referenced(), sourcesWait);
        notes.add(
            missingSourcesNote(
                chunk.path(), resolved.missing(), resolved.referenced(), sourcesWait));
      }
      return resolved.sources();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new org.apache.kafka.common.errors.InterruptException(e);
    }
  }

  /** The new-side lines of each hunk: where GitHub accepts review comments. */
  static List<LineRange> anchors(PullRequestDiffChunk chunk) {
    List<LineRange> ranges = new ArrayList<>();
    for (Hunk h : chunk.hunks()) {
      if (h.newLines() > 0) {
        ranges.add(new LineRange(h.newStart(), h.newStart() + h.newLines() - 1));
      }
    }
    return ranges;
  }
}
