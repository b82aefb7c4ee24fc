package dev.attentive.ingest.profile;

import dev.attentive.testkit.github.RepositoryFixture;

/** Real-looking Java files for profile tests: 4-space indentation, clean line ends. */
public final class JavaTrees {

  private JavaTrees() {}

  /** A class with a field, a constructor and {@code methods} small methods. */
  public static String javaClass(String pkg, String name, int methods) {
    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    s.append("import java.util.List;\n\n");
    s.append("/** ").append(name).append(", as the team writes it. */\n");
    s.append("public final class ").append(name).append(" {\n\n");
    s.append("    private final List<String> names;\n\n");
    s.append("    public ").append(name).append("(List<String> names) {\n");
    s.append("        this.names = names;\n");
    s.append("    }\n");
    for (int m = 0; m < methods; m++) {
      s.append("\n    public int count").append(m).append("(String prefix) {\n");
      s.append("        int n = 0;\n");
      s.append("        for (String name : names) {\n");
      s.append("            if (name.startsWith(prefix + ").append(m).append(")) {\n");
      s.append("                n++;\n");
      s.append("            }\n");
      s.append("        }\n");
      s.append("        return n;\n");
      s.append("    }\n");
    }
    s.append("}\n");
    return s.toString();
  }

  /**
   * {@code files} classes under {@code src/main/java/com/example/m<i>/}, and a pom.xml; every file
   * names the repository, so no two repositories share a blob (ingest caches blobs by id).
   */
  public static RepositoryFixture classes(RepositoryFixture repo, int files) {
    String owner = "// " + repo.ownerRepo() + "\n";
    repo.file("pom.xml", "<project><!-- " + repo.ownerRepo() + " --></project>\n");
    for (int i = 0; i < files; i++) {
      String pkg = "com.example.m" + (i % 7);
      repo.file(
          "src/main/java/" + pkg.replace('.', '/') + "/Thing" + i + ".java",
          owner + javaClass(pkg, "Thing" + i, 1 + i % 5));
    }
    return repo;
  }
}
