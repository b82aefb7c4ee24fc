package dev.attentive.reviewer.analysis.dependencies;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The dependencies a {@code pom.xml} declares for the main code: scopes compile (the default),
 * provided and runtime; versions with {@code ${property}} from the pom's own properties and project
 * coordinates, or from its own {@code dependencyManagement}. A version managed only by a parent pom
 * or an imported BOM is not looked up (those poms are not read): such a dependency is left out,
 * with a note.
 */
public final class PomDependencies {

  /** Scopes javac needs for the main code (test and system are not). */
  static final Set<String> SCOPES = Set.of("compile", "provided", "runtime");

  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private PomDependencies() {}

  /** One declared dependency, versions resolved. */
  public record Declared(
      String groupId,
      String artifactId,
      String version,
      String type,
      String classifier,
      String scope) {

    public String coordinates() {
      return groupId + ":" + artifactId + ":" + version;
    }
  }

  /** What the pom declares, and what was left out and why. */
  public record Read(List<Declared> dependencies, List<String> notes) {}

  public static Read read(String pom) {
    Model model;
    try {
      model = new MavenXpp3Reader().read(new StringReader(pom), false);
    } catch (IOException | XmlPullParserException e) {
      return new Read(List.of(), List.of("pom.xml could not be read (" + e.getMessage() + ")"));
    }
    Map<String, String> properties = new HashMap<>();
    model.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
    String groupId =
        model.getGroupId() != null
            ? model.getGroupId()
            : model.getParent() == null ? null : model.getParent().getGroupId();
    String version =
        model.getVersion() != null
            ? model.getVersion()
            : model.getParent() == null ? null : model.getParent().getVersion();
    putIfKnown(properties, "project.groupId", groupId);
    putIfKnown(properties, "project.version", version);
    putIfKnown(properties, "project.artifactId", model.getArtifactId());
    putIfKnown(properties, "pom.version", version);
    putIfKnown(properties, "version", version);
    if (model.getParent() != null) {
      putIfKnown(properties, "project.parent.version", model.getParent().getVersion());
      putIfKnown(properties, "project.parent.groupId", model.getParent().getGroupId());
    }
    Map<String, String> managed = new HashMap<>();
    if (model.getDependencyManagement() != null) {
      for (Dependency d : model.getDependencyManagement().getDependencies()) {
        if (d.getVersion() != null) {
          managed.put(
              interpolate(d.getGroupId(), properties)
                  + ":"
                  + interpolate(d.getArtifactId(), properties),
              d.getVersion());
        }
      }
    }
    List<Declared> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (Dependency d : model.getDependencies()) {
      String scope = d.getScope() == null ? "compile" : d.getScope();
      if (!SCOPES.contains(scope)) {
        continue;
      }
      String g = interpolate(d.getGroupId(), properties);
      String a = interpolate(d.getArtifactId(), properties);
      String v = d.getVersion() != null ? d.getVersion() : managed.get(g + ":" + a);
      if (v == null) {
        notes.add(
            g + ":" + a + " has its version from a parent pom or BOM, which is not read: left out");
        continue;
      }
      v = interpolate(v, properties);
      if (v.contains("${") || g.contains("${") || a.contains("${")) {
        notes.add(g + ":" + a + ":" + v + " names a property the pom does not define: left out");
        continue;
      }
      out.add(
          new Declared(
              g,
              a,
              v,
              d.getType() == null ? "jar" : d.getType(),
              d.getClassifier() == null ? "" : d.getClassifier(),
              scope));
    }
    return new Read(List.copyOf(out), List.copyOf(notes));
  }

  /** {@code ${name}} replaced from {@code properties}, nested ones too (a few rounds). */
  static String interpolate(String text, Map<String, String> properties) {
    if (text == null) {
      return "";
    }
    String current = text.strip();
    for (int round = 0; round < 10 && current.contains("${"); round++) {
      Matcher m = PROPERTY.matcher(current);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String value = properties.get(m.group(1));
        m.appendReplacement(b, Matcher.quoteReplacement(value == null ? m.group() : value));
      }
      m.appendTail(b);
      String next = b.toString();
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return current;
  }

  private static void putIfKnown(Map<String, String> properties, String key, String value) {
    if (value != null) {
      properties.putIfAbsent(key, value);
    }
  }
}
