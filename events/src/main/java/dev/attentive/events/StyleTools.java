package dev.attentive.events;

/**
 * The style tools a repository declares itself: only then does the reviewer run Checkstyle or a
 * formatter on it (on top of the learned conventions).
 *
 * @param checkstylePath the repository's Checkstyle configuration (e.g. {@code checkstyle.xml},
 *     {@code config/checkstyle/checkstyle.xml}), or null
 * @param checkstyleXml its text (untrusted: the reviewer loads it only through its allowlist), or
 *     null when there is none or it was over the size cap
 * @param formatter {@code google} or {@code aosp} (google-java-format in that style), {@code
 *     palantir} or {@code eclipse} (declared, not run: noted), or null for none
 * @param formatterSource where the formatter was found, e.g. {@code pom.xml: spotless-maven-plugin
 *     googleJavaFormat}
 */
public record StyleTools(
    String checkstylePath, String checkstyleXml, String formatter, String formatterSource) {

  public static final StyleTools NONE = new StyleTools(null, null, null, null);

  public static final String GOOGLE = "google";
  public static final String AOSP = "aosp";
}
