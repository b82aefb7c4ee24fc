package dev.attentive.ingest.fetch;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.Outbound;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Topics;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailure;
import dev.attentive.ingest.github.GitHubGateway.PullRequestFiles;
import dev.attentive.ingest.settings.RepositorySettingsReader;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.jboss.logging.Logger;

/**
 * One fetch of a pull request at one head SHA, for a push (a {@code pull_request} delivery) or a command: the
 * repository's settings from its default branch, the PR's files, diff chunks (with head content where configured) and
 * the manifest last. Pure GitHub reading; the caller writes the records in its transaction.
 *
 * <p>The settings and the file list are read through {@link GitHubCalls}: failures that may pass are retried
 * (backoff, {@code Retry-After}) within the budget of the delivery or command, which keeps the waiting inside its
 * exactly-once transaction; then a {@link dev.attentive.github.call.GitHubFailedException} says why.
 */
public final class PullRequestFetcher {

  private static final Logger LOG = Logger.getLogger(PullRequestFetcher.class);

  /**
   * What to fetch.
   *
   * @param defaultBranch where {@code .attentive.yml} is read from
   * @param analyzerOverride only these analyzers review this fetch (a command's choice); null for the settings'
   */
  public record Request(String deliveryId, String repository, int number, String baseSha, String headSha,
      Long installationId, String trigger, String defaultBranch, List<String> analyzerOverride) {

    public String key() {
      return repository + "#" + number;
    }
  }

  private final DeliveryProcessor.Settings settings;
  private final RepositorySettingsReader settingsReader;
  private final JsonSerde<PullRequestDiffChunk> chunkSerde = EventSerdes.diffChunk();

  public PullRequestFetcher(DeliveryProcessor.Settings settings) {
    this.settings = settings;
    this.settingsReader = new RepositorySettingsReader(settings.github());
  }

  public List<KeyValue<String, Outbound>> fetch(Request request) throws IOException, InterruptedException {
    return fetch(request, settings.calls().budget());
  }

  /** @param budget the retry budget of the delivery or command this fetch is part of */
  public List<KeyValue<String, Outbound>> fetch(Request request, GitHubCalls.Budget budget)
      throws IOException, InterruptedException {
    RepositorySettings repo = settings.calls().read("read settings of " + request.key(), budget,
        previous -> settingsReader.read(request.repository(), request.defaultBranch(), request.installationId()));
    if (request.analyzerOverride() != null) {
      repo = RepositorySettings.orDefaults(repo).withAnalyzerOverride(request.analyzerOverride());
    }
    var target = new DiffBuilder.Target(request.deliveryId(), request.repository(), request.number(),
        request.baseSha(), request.headSha(), request.installationId(), request.trigger());
    PullRequestFiles files = settings.calls().read("list files of " + request.key(), budget,
        previous -> timed(request));
    DiffBuilder.Result result = settings.diffs().build(target, files, settings.clock().instant(), repo);
    String key = request.key();
    List<KeyValue<String, Outbound>> out = new ArrayList<>(result.chunks().size() + 1);
    for (PullRequestDiffChunk listed : result.chunks()) {
      PullRequestDiffChunk chunk = withContent(listed, request.installationId());
      out.add(KeyValue.pair(key, new Outbound(Topics.DIFF_CHUNKS, chunkSerde.serialize(Topics.DIFF_CHUNKS, chunk))));
    }
    // The manifest goes last: a consumer that has it and n chunks knows the PR is complete.
    out.add(KeyValue.pair(key, new Outbound(Topics.DIFF_MANIFESTS,
        EventSerdes.diffManifest().serialize(Topics.DIFF_MANIFESTS, result.manifest()))));
    LOG.infof("%s @ %s: %d chunks, %d files skipped (delivery %s, %s%s)", key, request.headSha(),
        result.chunks().size(), result.manifest().skipped().size(), request.deliveryId(), request.trigger(),
        repo == null ? ", default settings" : ", settings from " + repo.source());
    if (repo != null && repo.hasProblems()) {
      settings.metrics().counter("attentive.ingest.settings.problems").increment();
    }
    return out;
  }

  /**
   * The chunk with its file's text at the head SHA attached, for the configured languages. Context is a nicety:
   * when GitHub cannot give it, the chunk goes out without (analyzers then work from the diff alone).
   */
  private PullRequestDiffChunk withContent(PullRequestDiffChunk chunk, Long installationId) {
    if (!settings.contentLanguages().contains(chunk.language())) {
      return chunk;
    }
    try {
      return settings.github().fileContent(chunk.repository(), chunk.path(), chunk.headSha(), installationId)
          .filter(text -> text.length() <= settings.contentMaxBytes())
          .map(chunk::withNewContent)
          .orElse(chunk);
    } catch (IOException e) {
      LOG.warnf("no content for %s @ %s: %s", chunk.path(), chunk.headSha(), e.getMessage());
      settings.metrics().counter("attentive.ingest.content.unavailable").increment();
      return chunk;
    }
  }

  /** One try at listing the files, timed by outcome. */
  private PullRequestFiles timed(Request request) throws IOException {
    Timer.Sample sample = Timer.start(settings.metrics());
    String outcome = "error";
    try {
      PullRequestFiles files = settings.github().listFiles(request.repository(), request.number(),
          request.installationId());
      outcome = "success";
      return files;
    } catch (IOException e) {
      outcome = GitHubFailure.isPermanent(e) ? "permanent_error" : "transient_error";
      throw e;
    } finally {
      sample.stop(settings.metrics().timer("attentive.ingest.github.fetch", "outcome", outcome));
    }
  }
}
