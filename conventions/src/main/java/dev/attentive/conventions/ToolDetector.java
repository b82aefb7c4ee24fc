package dev.attentive.conventions;

import dev.attentive.events.StyleTools;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the style tools a repository declares: a Checkstyle configuration file, or a formatter in
 * its build (Spotless with google-java-format or palantir-java-format, fmt-maven-plugin,
 * googleformatter-maven-plugin, the Gradle google-java-format plugin). Only these make the reviewer
 * run Checkstyle or google-java-format; everything else is reviewed by the learned conventions.
 */
public final class ToolDetector {

  /** Largest Checkstyle file carried on the profile (the reviewer parses it under an allowlist). */
  public static final int MAX_CHECKSTYLE_CHARS = 64 * 1024;

  private static final Pattern CHECKER = Pattern.compile("<module\\s+name\\s*=\\s*\"Checker\"");
  private static final Pattern CONFIG_LOCATION =
      Pattern.compile("<configLocation>\\s*([^<\\s]+)\\s*</configLocation>");
  private static final List<String> PREFERRED =
      List.of("checkstyle.xml", "config/checkstyle/checkstyle.xml", "config/checkstyle.xml");

  private ToolDetector() {}

  /**
   * @param files tool files by path (from {@link Sampler.Sample#tools()}), as read
   * @param notes receives what a maintainer should know (a formatter that is not run, a Checkstyle
   *     file too large)
   */
  public static StyleTools detect(Map<String, String> files, List<String> notes) {
    String checkstylePath = null;
    String checkstyleXml = null;
    String pom = files.getOrDefault("pom.xml", "");
    Matcher location = CONFIG_LOCATION.matcher(pom);
    if (pom.contains("maven-checkstyle-plugin") && location.find()) {
      String named = location.group(1).replaceFirst("^\\$\\{[^}]+}/", "");
      if (named.equals("google_checks.xml") || named.equals("sun_checks.xml")) {
        checkstylePath = named;
      } else if (files.containsKey(named)) {
        checkstylePath = named;
      }
    }
    if (checkstylePath == null) {
      for (String p : PREFERRED) {
        if (isCheckstyle(files.get(p))) {
          checkstylePath = p;
          break;
        }
      }
    }
    if (checkstylePath == null) {
      checkstylePath =
          files.keySet().stream()
              .filter(p -> p.toLowerCase(Locale.ROOT).contains("checkstyle"))
              .filter(p -> isCheckstyle(files.get(p)))
              .filter(p -> !p.toLowerCase(Locale.ROOT).contains("suppress"))
              .sorted()
              .findFirst()
              .orElse(null);
    }
    if (checkstylePath != null && files.containsKey(checkstylePath)) {
      String xml = files.get(checkstylePath);
      if (xml.length() > MAX_CHECKSTYLE_CHARS) {
        notes.add(
            "the Checkstyle file "
                + checkstylePath
                + " is larger than "
                + MAX_CHECKSTYLE_CHARS / 1024
                + " KiB and is not used");
        checkstylePath = null;
      } else {
        checkstyleXml = xml;
      }
    }

    String formatter = null;
    String source = null;
    for (Map.Entry<String, String> e : files.entrySet()) {
      String name = e.getKey();
      if (!(name.equals("pom.xml") || name.startsWith("build.gradle"))) {
        continue;
      }
      String build = e.getValue();
      String found = formatterIn(build);
      if (found != null) {
        formatter = found;
        source = name + ": " + formatterTool(build);
        break;
      }
    }
    if (formatter != null
        && !formatter.equals(StyleTools.GOOGLE)
        && !formatter.equals(StyleTools.AOSP)) {
      notes.add(
          "the build declares "
              + formatter
              + " formatting ("
              + source
              + "); Attentive does not run that formatter and reviews with the learned conventions");
    }
    return new StyleTools(checkstylePath, checkstyleXml, formatter, source);
  }

  private static boolean isCheckstyle(String text) {
    return text != null && CHECKER.matcher(text).find();
  }

  /** google, aosp, palantir, eclipse, or null. */
  static String formatterIn(String build) {
    String lower = build.toLowerCase(Locale.ROOT);
    boolean aosp =
        lower.contains("<style>aosp</style>")
            || lower.contains(".aosp()")
            || lower.contains("style('aosp')")
            || lower.contains("style(\"aosp\")")
            || lower.contains("--aosp");
    if (lower.contains("googlejavaformat")
        || lower.contains("google-java-format")
        || lower.contains("fmt-maven-plugin")
        || lower.contains("googleformatter-maven-plugin")) {
      return aosp ? StyleTools.AOSP : StyleTools.GOOGLE;
    }
    if (lower.contains("palantirjavaformat") || lower.contains("palantir-java-format")) {
      return "palantir";
    }
    if (lower.contains("spotless") && lower.contains("<eclipse") || lower.contains("eclipse()")) {
      return "eclipse";
    }
    return null;
  }

  private static String formatterTool(String build) {
    String lower = build.toLowerCase(Locale.ROOT);
    for (String tool :
        List.of(
            "spotless",
            "fmt-maven-plugin",
            "googleformatter-maven-plugin",
            "google-java-format",
            "palantir-java-format")) {
      if (lower.contains(tool)) {
        return tool;
      }
    }
    return "formatter plugin";
  }
}
