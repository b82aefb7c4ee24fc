package dev.attentive.reviewer.analysis;

import dev.attentive.events.RepositorySettings;
import dev.attentive.reviewer.analysis.style.StyleAnalyzer;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Which analyzers review a chunk, per repository: those the deployment enables, narrowed to the
 * repository's {@code analyzers} (or a command's override), with the style analyzer rebuilt for the
 * repository's rule set ({@code style.checkstyle}: a bundled name or the text of the team's own
 * Checkstyle file, carried on the chunk and checked against {@link
 * dev.attentive.reviewer.analysis.style.SafeCheckstyleConfig}'s allowlist) and {@code
 * style.formatter}. Style analyzers built for repositories are cached (by their {@link
 * StyleConfig}, shared by every stream task), so a configuration is parsed once, not per chunk.
 */
public final class RepositoryAnalyzers {

  /** Most repository style analyzers kept; the least recently used one goes first. */
  static final int CACHE_SIZE = 64;

  /** Longest failure quoted in a note. */
  static final int MAX_FAILURE_CHARS = 1_000;

  private static final Logger LOG = Logger.getLogger(RepositoryAnalyzers.class);

  /** A built analyzer, or why it could not be built. */
  private record Built(StyleAnalyzer analyzer, String failure) {}

  private static final Map<StyleConfig, Built> CACHE =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<StyleConfig, Built> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /**
   * @param analyzers what runs for this chunk, in the deployment's order
   * @param notes what the review should say about it (an analyzer asked for but not enabled, a rule
   *     set that could not be used)
   * @param problems what was wrong with the repository's configuration (a rule set refused): also
   *     in {@code notes}; the assembly moves them to the review's settings problems, which the
   *     publisher posts as the configuration-problems comment
   */
  public record Selection(List<Analyzer> analyzers, List<String> notes, List<String> problems) {
    public Selection(List<Analyzer> analyzers, List<String> notes) {
      this(analyzers, notes, List.of());
    }
  }

  private final List<Analyzer> deployment;
  private final List<String> ids;
  private final StyleAnalyzer deploymentStyle;

  public RepositoryAnalyzers(List<Analyzer> deployment) {
    this.deployment = List.copyOf(deployment);
    this.ids = this.deployment.stream().map(Analyzer::id).toList();
    this.deploymentStyle =
        this.deployment.stream()
            .filter(a -> a instanceof StyleAnalyzer)
            .map(a -> (StyleAnalyzer) a)
            .findFirst()
            .orElse(null);
  }

  public Selection select(RepositorySettings settings) {
    if (settings == null) {
      return new Selection(deployment, List.of());
    }
    List<String> wanted = settings.selectAnalyzers(ids);
    List<String> notes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (settings.analyzerOverride() != null) {
      for (String id : settings.analyzerOverride()) {
        if (!ids.contains(id)) {
          notes.add("the " + id + " analyzer was asked for but is not enabled in this deployment");
        }
      }
    }
    List<Analyzer> out = new ArrayList<>();
    for (Analyzer analyzer : deployment) {
      if (!wanted.contains(analyzer.id())) {
        continue;
      }
      if (analyzer == deploymentStyle) {
        out.add(style(settings, notes, problems));
      } else {
        out.add(analyzer);
      }
    }
    return new Selection(List.copyOf(out), List.copyOf(notes), List.copyOf(problems));
  }

  /**
   * The style analyzer for the repository's rule set and formatter choice; the deployment's when
   * they match. A repository's own Checkstyle text is untrusted ({@link
   * StyleConfig#fromRepository}): refused, it becomes a note and the deployment's rule set reviews
   * the chunk. A repository never names a file of the reviewer's: a {@code style.checkstyle} that
   * is neither bundled nor carried with its text is not used.
   */
  private StyleAnalyzer style(
      RepositorySettings settings, List<String> notes, List<String> problems) {
    StyleConfig base = deploymentStyle.config();
    if (settings.checkstyle() == null && settings.formatter() == null) {
      return deploymentStyle;
    }
    boolean formatter = settings.formatter() != null ? settings.formatter() : base.formatter();
    StyleConfig config;
    if (settings.checkstyleXml() != null) {
      config =
          StyleConfig.fromRepository(settings.checkstyle(), settings.checkstyleXml(), formatter);
    } else if (settings.checkstyle() != null
        && new StyleConfig(settings.checkstyle(), formatter).bundled()) {
      config = new StyleConfig(settings.checkstyle(), formatter);
    } else {
      if (settings.checkstyle() != null) {
        notes.add(
            "the repository's Checkstyle configuration "
                + settings.checkstyle()
                + " came without its text;"
                + " the deployment's rule set was used");
      }
      config = new StyleConfig(base.checkstyleConfig(), formatter, base.repositoryXml());
    }
    if (config.equals(base)) {
      return deploymentStyle;
    }
    Built built;
    synchronized (CACHE) {
      built = CACHE.get(config);
    }
    if (built == null) {
      try {
        built = new Built(new StyleAnalyzer(config), null);
      } catch (RuntimeException | StackOverflowError e) {
        LOG.warnf(
            "Checkstyle configuration %s of %s cannot be used: %s",
            config.checkstyleConfig(), settings.source(), e.getMessage());
        built = new Built(null, shortened(String.valueOf(e.getMessage())));
      }
      synchronized (CACHE) {
        CACHE.putIfAbsent(config, built);
        built = CACHE.get(config);
      }
    }
    if (built.analyzer() == null) {
      String refused =
          "the repository's Checkstyle configuration "
              + config.checkstyleConfig()
              + " could not be used ("
              + built.failure()
              + "); the deployment's rule set was used";
      notes.add(refused);
      problems.add(refused);
      return deploymentStyle;
    }
    return built.analyzer();
  }

  /** A failure as a note can carry it: the configuration's own text, but not pages of it. */
  private static String shortened(String failure) {
    String oneLine = failure.replaceAll("\\s+", " ").strip();
    return oneLine.length() > MAX_FAILURE_CHARS
        ? oneLine.substring(0, MAX_FAILURE_CHARS) + "..."
        : oneLine;
  }
}
