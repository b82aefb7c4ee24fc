package dev.attentive.reviewer.analysis;

import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.StyleTools;
import dev.attentive.reviewer.analysis.style.StyleAnalyzer;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import dev.attentive.reviewer.analysis.style.TeamStyleAnalyzer;
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
  private final Analyzer deploymentStyle;
  private final StyleAnalyzer deploymentRuleSet;

  public RepositoryAnalyzers(List<Analyzer> deployment) {
    this.deployment = List.copyOf(deployment);
    this.ids = this.deployment.stream().map(Analyzer::id).toList();
    this.deploymentStyle =
        this.deployment.stream()
            .filter(a -> a instanceof StyleAnalyzer || a instanceof TeamStyleAnalyzer)
            .findFirst()
            .orElse(null);
    this.deploymentRuleSet =
        deploymentStyle instanceof TeamStyleAnalyzer team
            ? team.ruleSet()
            : (StyleAnalyzer) deploymentStyle;
  }

  public Selection select(RepositorySettings settings) {
    return select(settings, null);
  }

  /**
   * @param profile the repository's learned profile, or null: the tools it declares (a Checkstyle
   *     file, a formatter plugin) choose the rule set when {@code .attentive.yml} does not
   */
  public Selection select(RepositorySettings settings, RepositoryProfile profile) {
    StyleTools tools = profile == null ? StyleTools.NONE : profile.tools();
    boolean repositoryAsks =
        settings != null && (settings.checkstyle() != null || settings.formatter() != null);
    boolean toolsAsk = tools.checkstylePath() != null || formatterStyle(tools) != null;
    if (settings == null && !toolsAsk) {
      return new Selection(deployment, List.of());
    }
    RepositorySettings effective = RepositorySettings.orDefaults(settings);
    List<String> wanted = effective.selectAnalyzers(ids);
    List<String> notes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (effective.analyzerOverride() != null) {
      for (String id : effective.analyzerOverride()) {
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
        StyleAnalyzer ruleSet =
            repositoryAsks
                ? fromSettings(effective, notes, problems)
                : toolsAsk ? fromTools(tools, profile, notes, problems) : deploymentRuleSet;
        out.add(
            analyzer instanceof TeamStyleAnalyzer team
                ? team.withRuleSet(ruleSet)
                : ruleSet == null ? analyzer : ruleSet);
      } else {
        out.add(analyzer);
      }
    }
    return new Selection(List.copyOf(out), List.copyOf(notes), List.copyOf(problems));
  }

  /** {@code google}/{@code aosp} when the repository's build declares google-java-format. */
  private static String formatterStyle(StyleTools tools) {
    return StyleTools.GOOGLE.equals(tools.formatter()) || StyleTools.AOSP.equals(tools.formatter())
        ? tools.formatter()
        : null;
  }

  /**
   * The rule set of a repository's {@code .attentive.yml} ({@code style.checkstyle}, {@code
   * style.formatter}). A repository's own Checkstyle text is untrusted ({@link
   * StyleConfig#fromRepository}): refused, it becomes a note and the deployment's rule set (if any)
   * reviews the chunk. A repository never names a file of the reviewer's: a {@code
   * style.checkstyle} that is neither bundled nor carried with its text is not used.
   */
  private StyleAnalyzer fromSettings(
      RepositorySettings settings, List<String> notes, List<String> problems) {
    StyleConfig base =
        deploymentRuleSet != null
            ? deploymentRuleSet.config()
            : new StyleConfig(StyleConfig.NONE, false);
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
      config =
          new StyleConfig(base.checkstyleConfig(), formatter, base.repositoryXml(), base.aosp());
    }
    return build(config, settings.source(), notes, problems);
  }

  /**
   * The rule set the repository declares in its tree, as ingest found it while learning the
   * profile: its Checkstyle file (untrusted, as above) and/or google-java-format in the style its
   * build names.
   */
  private StyleAnalyzer fromTools(
      StyleTools tools, RepositoryProfile profile, List<String> notes, List<String> problems) {
    String style = formatterStyle(tools);
    boolean formatter = style != null;
    boolean aosp = StyleTools.AOSP.equals(style);
    StyleConfig config;
    if (tools.checkstyleXml() != null) {
      config = new StyleConfig(tools.checkstylePath(), formatter, tools.checkstyleXml(), aosp);
    } else if (tools.checkstylePath() != null
        && new StyleConfig(tools.checkstylePath(), formatter).bundled()) {
      config = new StyleConfig(tools.checkstylePath(), formatter, null, aosp);
    } else {
      config = StyleConfig.formatterOnly(aosp);
    }
    return build(config, profile.repository() + "@" + profile.defaultBranch(), notes, problems);
  }

  /** A built rule set from the cache; refused, a note and the deployment's rule set. */
  private StyleAnalyzer build(
      StyleConfig config, String source, List<String> notes, List<String> problems) {
    if (!config.checkstyle() && !config.formatter()) {
      return null;
    }
    if (deploymentRuleSet != null && config.equals(deploymentRuleSet.config())) {
      return deploymentRuleSet;
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
            config.checkstyleConfig(), source, e.getMessage());
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
      return deploymentRuleSet;
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
