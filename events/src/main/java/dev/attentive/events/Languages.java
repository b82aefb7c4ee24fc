package dev.attentive.events;

import java.util.Locale;
import java.util.Map;

/** A language name from a path, for analyzers to pick what they understand. */
public final class Languages {

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("java", "java"),
          Map.entry("kt", "kotlin"),
          Map.entry("kts", "kotlin"),
          Map.entry("scala", "scala"),
          Map.entry("groovy", "groovy"),
          Map.entry("gradle", "groovy"),
          Map.entry("js", "javascript"),
          Map.entry("mjs", "javascript"),
          Map.entry("cjs", "javascript"),
          Map.entry("jsx", "javascript"),
          Map.entry("ts", "typescript"),
          Map.entry("tsx", "typescript"),
          Map.entry("py", "python"),
          Map.entry("go", "go"),
          Map.entry("rs", "rust"),
          Map.entry("rb", "ruby"),
          Map.entry("php", "php"),
          Map.entry("cs", "csharp"),
          Map.entry("swift", "swift"),
          Map.entry("c", "c"),
          Map.entry("h", "c"),
          Map.entry("cc", "cpp"),
          Map.entry("cpp", "cpp"),
          Map.entry("hpp", "cpp"),
          Map.entry("cxx", "cpp"),
          Map.entry("sh", "shell"),
          Map.entry("bash", "shell"),
          Map.entry("sql", "sql"),
          Map.entry("md", "markdown"),
          Map.entry("yml", "yaml"),
          Map.entry("yaml", "yaml"),
          Map.entry("json", "json"),
          Map.entry("xml", "xml"),
          Map.entry("html", "html"),
          Map.entry("css", "css"),
          Map.entry("properties", "properties"),
          Map.entry("toml", "toml"));

  private Languages() {}

  public static String of(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.equals("Dockerfile")) {
      return "dockerfile";
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0 || dot == name.length() - 1) {
      return "other";
    }
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), "other");
  }
}
