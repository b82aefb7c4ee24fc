package dev.attentive.reviewer.analysis;

import dev.attentive.events.RepositorySettings;
import dev.attentive.reviewer.analysis.style.StyleAnalyzer;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Which analyzers review a chunk, per repository: those the deployment enables, narrowed to the
 * repository's {@code analyzers} (or a command's override), with the style analyzer rebuilt for the
 * repository's rule set ({@code style.checkstyle}: a bundled name or the text of the team's own
 * Checkstyle file, carried on the chunk) and {@code style.formatter}. Style analyzers built for
 * repositories are cached (by their {@link StyleConfig}, shared by every stream task), so a
 * configuration is parsed once, not per chunk.
 */
public final class RepositoryAnalyzers {

  /** Most repository style analyzers kept; the least recently used one goes first. */
  static final int CACHE_SIZE = 64;

  private static final Logger LOG = Logger.getLogger(RepositoryAnalyzers.class);
  private static final Path CHECKSTYLE_DIR =
      Path.of(System.getProperty("java.io.tmpdir"), "attentive-repository-checkstyle");

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
   */
  public record Selection(List<Analyzer> analyzers, List<String> notes) {}

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
        out.add(style(settings, notes));
      } else {
        out.add(analyzer);
      }
    }
    return new Selection(List.copyOf(out), List.copyOf(notes));
  }

  /**
   * The style analyzer for the repository's rule set and formatter choice; the deployment's when
   * they match.
   */
  private StyleAnalyzer style(RepositorySettings settings, List<String> notes) {
    StyleConfig base = deploymentStyle.config();
    if (settings.checkstyle() == null && settings.formatter() == null) {
      return deploymentStyle;
    }
    boolean formatter = settings.formatter() != null ? settings.formatter() : base.formatter();
    String checkstyle = base.checkstyleConfig();
    String label = checkstyle;
    try {
      if (settings.checkstyleXml() != null) {
        checkstyle = teamFile(settings).toString();
        label = settings.checkstyle();
      } else if (settings.checkstyle() != null) {
        checkstyle = settings.checkstyle();
        label = checkstyle;
      }
    } catch (IOException e) {
      notes.add(
          "the repository's Checkstyle configuration "
              + settings.checkstyle()
              + " could not be stored ("
              + e.getMessage()
              + "); the deployment's rule set was used");
      checkstyle = base.checkstyleConfig();
    }
    StyleConfig config = new StyleConfig(checkstyle, formatter);
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
      } catch (RuntimeException e) {
        LOG.warnf(
            "Checkstyle configuration %s of %s cannot be used: %s",
            label, settings.source(), e.getMessage());
        built = new Built(null, e.getMessage());
      }
      synchronized (CACHE) {
        CACHE.putIfAbsent(config, built);
        built = CACHE.get(config);
      }
    }
    if (built.analyzer() == null) {
      notes.add(
          "the repository's Checkstyle configuration "
              + label
              + " could not be used ("
              + built.failure()
              + "); the deployment's rule set was used");
      return deploymentStyle;
    }
    return built.analyzer();
  }

  /**
   * The team's Checkstyle text in a file named by its hash (written once; the content never
   * changes).
   */
  private static Path teamFile(RepositorySettings settings) throws IOException {
    Path file = CHECKSTYLE_DIR.resolve(settings.styleHash() + ".xml");
    if (!Files.isRegularFile(file)) {
      Files.createDirectories(CHECKSTYLE_DIR);
      Path tmp = Files.createTempFile(CHECKSTYLE_DIR, "checkstyle", ".tmp");
      Files.writeString(tmp, settings.checkstyleXml(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return file;
  }
}
