package dev.attentive.reviewer.analysis.style;

/**
 * How the style analyzer is set up.
 *
 * @param checkstyleConfig {@value #GOOGLE_CHECKS} (the default) or {@value #SUN_CHECKS}, the
 *     configurations bundled in the Checkstyle jar, or the filesystem path of a team's own
 *     Checkstyle configuration; null or blank means the default
 * @param formatter whether google-java-format's output is offered as replacements (default true)
 */
public record StyleConfig(String checkstyleConfig, boolean formatter) {

  public static final String GOOGLE_CHECKS = "google_checks.xml";
  public static final String SUN_CHECKS = "sun_checks.xml";

  public StyleConfig {
    checkstyleConfig =
        checkstyleConfig == null || checkstyleConfig.isBlank()
            ? GOOGLE_CHECKS
            : checkstyleConfig.strip();
  }

  /** google_checks.xml with the formatter. */
  public static StyleConfig defaults() {
    return new StyleConfig(GOOGLE_CHECKS, true);
  }

  /** Whether the configuration is one bundled with Checkstyle rather than a file of the team's. */
  public boolean bundled() {
    return checkstyleConfig.equals(GOOGLE_CHECKS) || checkstyleConfig.equals(SUN_CHECKS);
  }
}
