package dev.attentive.ingest.fetch;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.SourceFile;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailure;
import dev.attentive.ingest.github.GitHubGateway.PullRequestFiles;
import dev.attentive.ingest.settings.RepositorySettingsReader;
import dev.attentive.ingest.sources.SourceCollector;
import dev.attentive.streams.Outgoing;
import dev.attentive.streams.Sinks;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One fetch of a pull request at one head SHA, for a push (a {@code pull_request} delivery) or a
 * command: the repository's settings from its default branch, the PR's files, diff chunks (with
 * head content where configured) and the manifest last. Pure GitHub reading; the caller writes the
 * records in its transaction.
 *
 * <p>The settings and the file list are read through {@link GitHubCalls}: failures that may pass
 * are retried (backoff, {@code Retry-After}) within the budget of the delivery or command, which
 * keeps the waiting inside its exactly-once transaction; then a {@link
 * dev.attentive.github.call.GitHubFailedException} says why.
 */
public final class PullRequestFetcher {

  private static final Logger LOG = Logger.getLogger(PullRequestFetcher.class);

  /**
   * What to fetch.
   *
   * @param defaultBranch where {@code .attentive.yml} is read from
   * @param analyzerOverride only these analyzers review this fetch (a command's choice); null for
   *     the settings'
   */
  public record Request(
      String deliveryId,
      String repository,
      int number,
      String baseSha,
      String headSha,
      Long installationId,
      String trigger,
      String defaultBranch,
      List<String> analyzerOverride) {

    public String key() {
      return repository + "#" + number;
    }
  }

  private final FetchContext ctx;
  private final RepositorySettingsReader settingsReader;

  public PullRequestFetcher(FetchContext ctx) {
    this.ctx = ctx;
    this.settingsReader = new RepositorySettingsReader(ctx.github());
  }

  public List<Outgoing<?>> fetch(Request request) throws IOException, InterruptedException {
    return fetch(request, ctx.calls().budget());
  }

  /**
   * @param budget the retry budget of the delivery or command this fetch is part of
   */
  public List<Outgoing<?>> fetch(Request request, GitHubCalls.Budget budget)
      throws IOException, InterruptedException {
    RepositorySettings repo =
        ctx.calls()
            .read(
                "read settings of " + request.key(),
                budget,
                previous ->
                    settingsReader.read(
                        request.repository(), request.defaultBranch(), request.installationId()));
    if (request.analyzerOverride() != null) {
      repo = RepositorySettings.orDefaults(repo).withAnalyzerOverride(request.analyzerOverride());
    }
    var target =
        new DiffBuilder.Target(
            request.deliveryId(),
            request.repository(),
            request.number(),
            request.baseSha(),
            request.headSha(),
            request.installationId(),
            request.trigger());
    PullRequestFiles files =
        ctx.calls().read("list files of " + request.key(), budget, previous -> timed(request));
    DiffBuilder.Result result = ctx.diffs().build(target, files, ctx.clock().instant(), repo);
    String key = request.key();
    List<PullRequestDiffChunk> chunks = new ArrayList<>(result.chunks().size());
    for (PullRequestDiffChunk listed : result.chunks()) {
      chunks.add(withContent(listed, request.installationId()));
    }
    List<Outgoing<?>> out = new ArrayList<>(result.chunks().size() + 1);
    if (ctx.sources() != null) {
      SourceCollector.Collected collected =
          ctx.sources()
              .collect(
                  ctx.github(),
                  ctx.calls(),
                  budget,
                  new SourceCollector.Target(
                      request.repository(),
                      request.installationId(),
                      request.baseSha(),
                      request.headSha(),
                      key),
                  chunks);
      // Before the chunks that reference them, in the same transaction.
      for (SourceFile file : collected.files()) {
        out.add(new Outgoing<>(Sinks.SOURCE_FILES, file.blobSha(), file));
      }
      chunks = collected.chunks();
    }
    for (PullRequestDiffChunk chunk : chunks) {
      out.add(new Outgoing<>(Sinks.DIFF_CHUNKS, key, chunk));
    }
    // The manifest goes last: a consumer that has it and n chunks knows the PR is complete.
    out.add(new Outgoing<>(Sinks.DIFF_MANIFESTS, key, result.manifest()));
    LOG.infof(
        "%s @ %s: %d chunks, %d files skipped (delivery %s, %s%s)",
        key,
        request.headSha(),
        result.chunks().size(),
        result.manifest().skipped().size(),
        request.deliveryId(),
        request.trigger(),
        repo == null ? ", default settings" : ", settings from " + repo.source());
    if (repo != null && repo.hasProblems()) {
      ctx.metrics().counter("attentive.ingest.settings.problems").increment();
    }
    return out;
  }

  /**
   * The chunk with its file's text at the head SHA attached, for the configured languages. Context
   * is a nicety: when GitHub cannot give it, the chunk goes out without (analyzers then work from
   * the diff alone).
   */
  private PullRequestDiffChunk withContent(PullRequestDiffChunk chunk, Long installationId) {
    if (!ctx.contentLanguages().contains(chunk.language())) {
      return chunk;
    }
    try {
      return ctx.github()
          .fileContent(chunk.repository(), chunk.path(), chunk.headSha(), installationId)
          .filter(text -> text.length() <= ctx.contentMaxBytes())
          .map(chunk::withNewContent)
          .orElse(chunk);
    } catch (IOException e) {
      LOG.warnf("no content for %s @ %s: %s", chunk.path(), chunk.headSha(), e.getMessage());
      ctx.metrics().counter("attentive.ingest.content.unavailable").increment();
      return chunk;
    }
  }

  /** One try at listing the files, timed by outcome. */
  private PullRequestFiles timed(Request request) throws IOException {
    Timer.Sample sample = Timer.start(ctx.metrics());
    String outcome = "error";
    try {
      PullRequestFiles files =
          ctx.github().listFiles(request.repository(), request.number(), request.installationId());
      outcome = "success";
      return files;
    } catch (IOException e) {
      outcome = GitHubFailure.isPermanent(e) ? "permanent_error" : "transient_error";
      throw e;
    } finally {
      sample.stop(ctx.metrics().timer("attentive.ingest.github.fetch", "outcome", outcome));
    }
  }
}
