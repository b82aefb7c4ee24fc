package dev.attentive.ingest.settings;

import dev.attentive.events.RepositorySettings;
import dev.attentive.github.call.GitHubFailure;
import dev.attentive.ingest.github.GitHubGateway;
import dev.attentive.settings.RepositorySettingsParser;
import java.io.IOException;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads a repository's {@code .attentive.yml} — and, when it names one, the team's Checkstyle file
 * — from the repository's <em>default branch</em>, never from the pull request's head: a pull
 * request cannot change how it is reviewed itself (switch the bot off, raise the confidence bar,
 * ignore its own files).
 *
 * <p>No file means the deployment's defaults. A file with mistakes gives the defaults for the parts
 * in question and a problem message for each. A file GitHub refuses to give (403: an App without
 * "Contents: read") means the defaults, with a warning in the log. A failure that may pass (GitHub
 * down after the fetcher's retries) is passed on as an {@link IOException}, like a failure to list
 * files: the delivery is dead-lettered and can be replayed.
 */
public final class RepositorySettingsReader {

  /** Team Checkstyle files larger than this are not carried on chunks. */
  public static final int MAX_CHECKSTYLE_CHARS = 256 * 1024;

  private static final Logger LOG = Logger.getLogger(RepositorySettingsReader.class);

  private final GitHubGateway github;

  public RepositorySettingsReader(GitHubGateway github) {
    this.github = github;
  }

  /**
   * @param defaultBranch the repository's default branch; when null or blank the file cannot be
   *     placed and the defaults are used
   * @return the settings; null when the repository has no {@code .attentive.yml} (the defaults)
   */
  public RepositorySettings read(String repository, String defaultBranch, Long installationId)
      throws IOException {
    if (defaultBranch == null || defaultBranch.isBlank()) {
      LOG.warnf(
          "%s: default branch unknown; %s not read, defaults used",
          repository, RepositorySettings.FILE);
      return null;
    }
    Optional<String> text;
    try {
      text = github.fileContent(repository, RepositorySettings.FILE, defaultBranch, installationId);
    } catch (IOException e) {
      if (!GitHubFailure.isPermanent(e)) {
        throw e;
      }
      // e.g. 403: a GitHub App without "Contents: read". The review goes on with the defaults.
      LOG.warnf(
          "%s: %s could not be read (%s); defaults used",
          repository, RepositorySettings.FILE, e.getMessage());
      return null;
    }
    if (text.isEmpty()) {
      return null;
    }
    RepositorySettings settings =
        RepositorySettingsParser.parse(
            text.get(), repository + "@" + defaultBranch + ":" + RepositorySettings.FILE);
    String checkstyle = settings.checkstyle();
    if (checkstyle != null
        && !checkstyle.equals("google_checks.xml")
        && !checkstyle.equals("sun_checks.xml")) {
      Optional<String> xml;
      try {
        xml = github.fileContent(repository, checkstyle, defaultBranch, installationId);
      } catch (IOException e) {
        if (!GitHubFailure.isPermanent(e)) {
          throw e;
        }
        LOG.warnf("%s: %s could not be read (%s)", repository, checkstyle, e.getMessage());
        xml = Optional.empty();
      }
      if (xml.isEmpty()) {
        settings =
            settings.withCheckstyleProblem(
                "`"
                    + RepositorySettings.FILE
                    + "`: style.checkstyle names `"
                    + checkstyle
                    + "`, which is not a text file on "
                    + defaultBranch
                    + "; the default rule set is used");
      } else if (xml.get().length() > MAX_CHECKSTYLE_CHARS) {
        settings =
            settings.withCheckstyleProblem(
                "`"
                    + RepositorySettings.FILE
                    + "`: style.checkstyle `"
                    + checkstyle
                    + "` is larger than "
                    + MAX_CHECKSTYLE_CHARS / 1024
                    + " KiB; the default rule set is used");
      } else {
        settings = settings.withCheckstyleXml(xml.get());
      }
    }
    if (settings.hasProblems()) {
      LOG.infof(
          "%s: %s has %d problem(s): %s",
          repository, RepositorySettings.FILE, settings.problems().size(), settings.problems());
    }
    return settings;
  }
}
