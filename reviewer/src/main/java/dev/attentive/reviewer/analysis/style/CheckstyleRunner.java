package dev.attentive.reviewer.analysis.style;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.ConfigurationLoader;
import com.puppycrawl.tools.checkstyle.DefaultConfiguration;
import com.puppycrawl.tools.checkstyle.PropertiesExpander;
import com.puppycrawl.tools.checkstyle.ThreadModeSettings;
import com.puppycrawl.tools.checkstyle.api.AuditEvent;
import com.puppycrawl.tools.checkstyle.api.AuditListener;
import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import com.puppycrawl.tools.checkstyle.api.Configuration;
import com.puppycrawl.tools.checkstyle.api.SeverityLevel;
import dev.attentive.events.Suggestion;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checkstyle over one file's text at a time, thread-safe.
 *
 * <p>The configuration is parsed once (about 1 ms warm, 100 ms cold). A {@link Checker} is not
 * thread-safe, and configuring one from the parsed configuration costs more than checking a
 * 300-line file with it (about 65 ms for google_checks.xml, measured: it instantiates and sets up
 * every module), so configured Checkers are pooled: a call borrows one (or builds one when all are
 * busy) and gives it back afterwards. The pool holds at most as many as there were concurrent
 * calls, and never more than {@link #MAX_IDLE}.
 */
final class CheckstyleRunner {

  /**
   * One Checkstyle finding. {@code check} is the module's id when the configuration gives one, else
   * its name.
   */
  record Violation(
      int line, int column, String check, Suggestion.Severity severity, String message) {}

  static final int MAX_IDLE = Math.max(4, Runtime.getRuntime().availableProcessors());

  /**
   * Root (Checker) properties we decide ourselves: we write the file (UTF-8) and want English,
   * uncached output.
   */
  private static final Set<String> OVERRIDDEN =
      Set.of("charset", "cacheFile", "localeLanguage", "localeCountry");

  private static final Set<String> XPATH_FILTER_NAMES =
      Set.of(
          "SuppressionXpathSingleFilter",
          "com.puppycrawl.tools.checkstyle.filters.SuppressionXpathSingleFilter");

  private final Configuration configuration;
  private final ConcurrentLinkedQueue<Checker> idle = new ConcurrentLinkedQueue<>();
  private final AtomicInteger idleCount = new AtomicInteger();

  /**
   * Parses the configuration: a repository's through {@link SafeCheckstyleConfig} (refused unless
   * every module and property is allowed), the operator's with Checkstyle's own loader.
   *
   * @throws IllegalArgumentException when it cannot be found, is not a valid Checkstyle
   *     configuration, or (a repository's) is refused: then a {@link SafeCheckstyleConfig.Refused}
   */
  CheckstyleRunner(StyleConfig config) {
    this(config, true);
  }

  /**
   * With {@code cachingXpathFilters} false, the configuration's XPath filters are Checkstyle's own
   * (for tests).
   */
  CheckstyleRunner(StyleConfig config, boolean cachingXpathFilters) {
    Configuration loaded =
        config.untrusted() ? SafeCheckstyleConfig.parse(config.repositoryXml()) : trusted(config);
    try {
      this.configuration = withOverrides(loaded, cachingXpathFilters);
      // Fail now, at startup, if a module of a team's configuration cannot be instantiated.
      giveBack(newChecker());
    } catch (CheckstyleException e) {
      throw new IllegalArgumentException(
          "cannot load Checkstyle configuration "
              + config.checkstyleConfig()
              + ": "
              + e.getMessage(),
          e);
    } catch (StackOverflowError e) {
      throw new IllegalArgumentException(
          "Checkstyle ran out of stack setting up "
              + config.checkstyleConfig()
              + " (a pattern or query nested too deeply)");
    }
  }

  /**
   * A configuration the operator named, loaded as Checkstyle loads it: ${...} from system
   * properties and all.
   */
  private static Configuration trusted(StyleConfig config) {
    String location;
    Properties properties = new Properties();
    // The bundled configurations reference optional suppression files through properties; with no
    // value they
    // would look for checkstyle-suppressions.xml in the working directory. Point them at a file
    // that does not exist
    // (the filters are optional) unless the operator sets the property on the command line.
    String none =
        Path.of(System.getProperty("java.io.tmpdir"), "attentive-no-checkstyle-suppressions.xml")
            .toString();
    for (String style : List.of("google", "sun")) {
      properties.setProperty("org.checkstyle." + style + ".suppressionfilter.config", none);
      properties.setProperty("org.checkstyle." + style + ".suppressionxpathfilter.config", none);
    }
    if (config.bundled()) {
      URL resource = Checker.class.getResource("/" + config.checkstyleConfig());
      if (resource == null) {
        throw new IllegalArgumentException(
            config.checkstyleConfig() + " is not on the classpath (Checkstyle's jar)");
      }
      location = resource.toString();
    } else {
      Path file = Path.of(config.checkstyleConfig()).toAbsolutePath();
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("Checkstyle configuration " + file + " does not exist");
      }
      location = file.toString();
      // The convention of the Maven, Gradle and Eclipse plugins: ${config_loc} is the
      // configuration's folder.
      properties.setProperty("config_loc", file.getParent().toString());
    }
    System.getProperties().forEach((k, v) -> properties.setProperty(k.toString(), v.toString()));
    try {
      return ConfigurationLoader.loadConfiguration(
          location,
          new PropertiesExpander(properties),
          ConfigurationLoader.IgnoredModulesOptions.OMIT,
          ThreadModeSettings.SINGLE_THREAD_MODE_INSTANCE);
    } catch (CheckstyleException | RuntimeException e) {
      // RuntimeException too: Checkstyle's loader throws a NullPointerException on some DOCTYPEs
      // (an entity block)
      throw new IllegalArgumentException(
          "cannot load Checkstyle configuration "
              + config.checkstyleConfig()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Runs Checkstyle on {@code content}, written to a temporary file called {@code fileName} (some
   * checks look at the name: OuterTypeFilename, the file extensions). Violations come sorted by
   * line and column; IGNORE-level ones are left out.
   *
   * @throws CheckstyleException when Checkstyle fails on the file, e.g. Java it cannot parse
   */
  List<Violation> check(String fileName, String content) throws IOException, CheckstyleException {
    Path dir = Files.createTempDirectory("attentive-style-");
    Path file = dir.resolve(fileName);
    Checker checker = borrow();
    Collector collector = new Collector();
    boolean healthy = false;
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
      checker.addListener(collector);
      try {
        checker.process(List.of(file.toFile()));
      } catch (Error e) {
        if (!outOfStack(e)) {
          throw e;
        }
        // A configuration's pattern that recurses on a long line; the file gets no findings, the
        // reviewer lives on.
        throw new CheckstyleException(
            "Checkstyle ran out of stack on "
                + fileName
                + " (a pattern of the"
                + " configuration recursed too deeply)");
      } finally {
        checker.removeListener(collector);
      }
      healthy = true;
    } finally {
      if (healthy) {
        giveBack(checker);
      } else {
        checker.destroy(); // state after an exception is unknown: do not reuse
      }
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
    if (collector.exception != null) {
      throw new CheckstyleException("Checkstyle failed on " + fileName, collector.exception);
    }
    collector.violations.sort(
        Comparator.comparingInt(Violation::line).thenComparingInt(Violation::column));
    return collector.violations;
  }

  private static boolean outOfStack(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StackOverflowError) {
        return true;
      }
    }
    return false;
  }

  private Checker borrow() {
    Checker checker = idle.poll();
    if (checker == null) {
      return newChecker();
    }
    idleCount.decrementAndGet();
    return checker;
  }

  private void giveBack(Checker checker) {
    if (idleCount.incrementAndGet() <= MAX_IDLE) {
      idle.offer(checker);
    } else {
      idleCount.decrementAndGet();
      checker.destroy();
    }
  }

  private Checker newChecker() {
    Checker checker = new Checker();
    // Our own class loader: it sees Checkstyle and our CachingXpathSingleFilter (under Quarkus,
    // Checkstyle's may not).
    checker.setModuleClassLoader(CheckstyleRunner.class.getClassLoader());
    try {
      checker.configure(configuration);
    } catch (CheckstyleException | RuntimeException e) {
      throw new IllegalArgumentException("cannot set up Checkstyle: " + e.getMessage(), e);
    }
    return checker;
  }

  /**
   * A copy of the configuration with {@link #OVERRIDDEN} set our way on the root module and {@link
   * CachingXpathSingleFilter} in place of SuppressionXpathSingleFilter (same decisions, far cheaper
   * on files with many violations).
   */
  private static Configuration withOverrides(Configuration loaded, boolean cachingXpathFilters)
      throws CheckstyleException {
    DefaultConfiguration root =
        new DefaultConfiguration(loaded.getName(), ThreadModeSettings.SINGLE_THREAD_MODE_INSTANCE);
    for (String name : loaded.getPropertyNames()) {
      if (!OVERRIDDEN.contains(name)) {
        root.addProperty(name, loaded.getProperty(name));
      }
    }
    root.addProperty("charset", StandardCharsets.UTF_8.name());
    root.addProperty("localeLanguage", "en");
    root.addProperty("localeCountry", "");
    for (Map.Entry<String, String> message : loaded.getMessages().entrySet()) {
      root.addMessage(message.getKey(), message.getValue());
    }
    for (Configuration child : loaded.getChildren()) {
      root.addChild(copy(child, cachingXpathFilters));
    }
    return root;
  }

  /**
   * A deep copy of a module, with {@link CachingXpathSingleFilter} in place of
   * SuppressionXpathSingleFilter.
   */
  private static Configuration copy(Configuration module, boolean cachingXpathFilters)
      throws CheckstyleException {
    String name =
        cachingXpathFilters && XPATH_FILTER_NAMES.contains(module.getName())
            ? CachingXpathSingleFilter.class.getName()
            : module.getName();
    DefaultConfiguration copy =
        new DefaultConfiguration(name, ThreadModeSettings.SINGLE_THREAD_MODE_INSTANCE);
    for (String property : module.getPropertyNames()) {
      copy.addProperty(property, module.getProperty(property));
    }
    for (Map.Entry<String, String> message : module.getMessages().entrySet()) {
      copy.addMessage(message.getKey(), message.getValue());
    }
    for (Configuration child : module.getChildren()) {
      copy.addChild(copy(child, cachingXpathFilters));
    }
    return copy;
  }

  /**
   * The rule name of an event: the module's id if configured, else its class name less package and
   * "Check".
   */
  static String checkName(AuditEvent event) {
    if (event.getModuleId() != null && !event.getModuleId().isBlank()) {
      return event.getModuleId();
    }
    String source = event.getSourceName();
    String simple = source.substring(source.lastIndexOf('.') + 1);
    return simple.endsWith("Check") && simple.length() > "Check".length()
        ? simple.substring(0, simple.length() - "Check".length())
        : simple;
  }

  private static Suggestion.Severity severity(SeverityLevel level) {
    return switch (level) {
      case ERROR -> Suggestion.Severity.ERROR;
      case WARNING -> Suggestion.Severity.WARNING;
      default -> Suggestion.Severity.INFO;
    };
  }

  private static final class Collector implements AuditListener {
    final List<Violation> violations = new ArrayList<>();
    Throwable exception;

    @Override
    public void addError(AuditEvent event) {
      if (event.getSeverityLevel() != SeverityLevel.IGNORE && event.getViolation() != null) {
        violations.add(
            new Violation(
                event.getLine(),
                event.getColumn(),
                checkName(event),
                severity(event.getSeverityLevel()),
                event.getMessage()));
      }
    }

    @Override
    public void addException(AuditEvent event, Throwable throwable) {
      if (exception == null) {
        exception = throwable;
      }
    }

    @Override
    public void auditStarted(AuditEvent event) {}

    @Override
    public void auditFinished(AuditEvent event) {}

    @Override
    public void fileStarted(AuditEvent event) {}

    @Override
    public void fileFinished(AuditEvent event) {}
  }
}
