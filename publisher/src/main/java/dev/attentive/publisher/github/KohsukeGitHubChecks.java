package dev.attentive.publisher.github;

import dev.attentive.github.auth.InstallationClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHException;

/**
 * {@link GitHubChecks} through the kohsuke client's check-run builder; each request is a call as
 * the installation (a 401 renews its token and repeats the request once).
 */
@ApplicationScoped
public class KohsukeGitHubChecks implements GitHubChecks {

  private final InstallationClients clients;

  public KohsukeGitHubChecks(InstallationClients clients) {
    this.clients = clients;
  }

  @Override
  public Optional<Long> find(String repository, Long installationId, String headSha, String name)
      throws IOException {
    return clients.call(
        installationId,
        github -> {
          try {
            for (GHCheckRun run :
                github
                    .getRepository(repository)
                    .getCheckRuns(headSha, Map.of("check_name", name))) {
              if (name.equals(run.getName())) {
                return Optional.of(run.getId());
              }
            }
            return Optional.empty();
          } catch (GHException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
          }
        });
  }

  @Override
  public long create(
      String repository, Long installationId, String headSha, String name, CheckOutput output)
      throws IOException {
    return clients.call(
        installationId,
        github ->
            github
                .getRepository(repository)
                .createCheckRun(name, headSha)
                .withStatus(GHCheckRun.Status.COMPLETED)
                .withConclusion(conclusion(output.conclusion()))
                .withCompletedAt(new Date())
                .add(kohsuke(output))
                .create()
                .getId());
  }

  @Override
  public void update(
      String repository, Long installationId, long id, String conclusion, CheckOutput output)
      throws IOException {
    clients.call(
        installationId,
        github ->
            github
                .getRepository(repository)
                .updateCheckRun(id)
                .withStatus(GHCheckRun.Status.COMPLETED)
                .withConclusion(conclusion(conclusion))
                .add(kohsuke(output))
                .create());
  }

  private static GHCheckRun.Conclusion conclusion(String conclusion) {
    return GHCheckRun.Conclusion.valueOf(conclusion.toUpperCase(Locale.ROOT));
  }

  private static GHCheckRunBuilder.Output kohsuke(CheckOutput output) {
    GHCheckRunBuilder.Output out = new GHCheckRunBuilder.Output(output.title(), output.summary());
    for (Annotation a : output.annotations()) {
      out.add(
          new GHCheckRunBuilder.Annotation(
                  a.path(),
                  a.startLine(),
                  a.endLine(),
                  GHCheckRun.AnnotationLevel.valueOf(a.level().toUpperCase(Locale.ROOT)),
                  a.message())
              .withTitle(a.title()));
    }
    return out;
  }
}
