package dev.attentive.reviewer.analysis.style;

/**
 * How the style analyzer is set up.
 *
 * @param checkstyleConfig {@value #GOOGLE_CHECKS} (the default) or {@value #SUN_CHECKS}, the
 *     configurations bundled in the Checkstyle jar, or the filesystem path of a team's own
 *     Checkstyle configuration that the operator named (trusted: loaded as Checkstyle loads it);
 *     null or blank means the default. With {@code repositoryXml}, only a label: where in the
 *     repository the configuration came from.
 * @param formatter whether google-java-format's output is offered as replacements (default true)
 * @param repositoryXml the text of a Checkstyle configuration that came from a repository, or null.
 *     Untrusted: it is loaded only through {@link SafeCheckstyleConfig} (an allowlist of modules
 *     and properties, nothing read from elsewhere, no expansion); see docs/security.md
 * @param aosp google-java-format in its AOSP style (4-space indentation) rather than Google's
 */
public record StyleConfig(
    String checkstyleConfig, boolean formatter, String repositoryXml, boolean aosp) {

  public static final String GOOGLE_CHECKS = "google_checks.xml";
  public static final String SUN_CHECKS = "sun_checks.xml";

  /** No Checkstyle at all (the formatter may still run). */
  public static final String NONE = "none";

  public StyleConfig(String checkstyleConfig, boolean formatter, String repositoryXml) {
    this(checkstyleConfig, formatter, repositoryXml, false);
  }

  public StyleConfig {
    checkstyleConfig =
        checkstyleConfig == null || checkstyleConfig.isBlank()
            ? repositoryXml == null ? GOOGLE_CHECKS : "the repository's Checkstyle file"
            : checkstyleConfig.strip();
  }

  /** A configuration the operator chose: bundled or a trusted file. */
  public StyleConfig(String checkstyleConfig, boolean formatter) {
    this(checkstyleConfig, formatter, null);
  }

  /** google_checks.xml with the formatter. */
  public static StyleConfig defaults() {
    return new StyleConfig(GOOGLE_CHECKS, true);
  }

  /**
   * A repository's own Checkstyle configuration, untrusted.
   *
   * @param path where it is in the repository, for messages
   * @param xml its text
   */
  public static StyleConfig fromRepository(String path, String xml, boolean formatter) {
    if (xml == null) {
      throw new IllegalArgumentException("a repository's Checkstyle configuration needs its text");
    }
    return new StyleConfig(path, formatter, xml);
  }

  /** google-java-format alone, in Google's or AOSP style: a repository that declares only it. */
  public static StyleConfig formatterOnly(boolean aosp) {
    return new StyleConfig(NONE, true, null, aosp);
  }

  /** Whether Checkstyle runs at all. */
  public boolean checkstyle() {
    return repositoryXml != null || !NONE.equals(checkstyleConfig);
  }

  /** Whether the configuration is one bundled with Checkstyle rather than a file of the team's. */
  public boolean bundled() {
    return repositoryXml == null
        && (checkstyleConfig.equals(GOOGLE_CHECKS) || checkstyleConfig.equals(SUN_CHECKS));
  }

  /**
   * Whether the configuration came from a repository, and is checked against the allowlist before
   * use.
   */
  public boolean untrusted() {
    return repositoryXml != null;
  }

  @Override
  public String toString() {
    return "StyleConfig[checkstyleConfig="
        + checkstyleConfig
        + ", formatter="
        + formatter
        + (aosp ? " (AOSP)" : "")
        + (repositoryXml == null ? "" : ", repositoryXml=" + repositoryXml.length() + " characters")
        + "]";
  }
}
