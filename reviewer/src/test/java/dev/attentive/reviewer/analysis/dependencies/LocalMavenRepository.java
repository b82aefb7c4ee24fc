package dev.attentive.reviewer.analysis.dependencies;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A Maven repository on disk ({@code file://}), built in the test: two tiny libraries compiled
 * here, {@code org.example:greeting:1.0} (class {@code org.example.greeting.Greeting}) depending on
 * {@code org.example:words:1.0} (class {@code org.example.words.Words}), each with its pom.
 */
public final class LocalMavenRepository {

  public static final String WORDS =
      """
      package org.example.words;

      public final class Words {
        public static String hello() {
          return "Hello";
        }
      }
      """;

  public static final String GREETING =
      """
      package org.example.greeting;

      import org.example.words.Words;

      public final class Greeting {
        public static String hello(String name) {
          return Words.hello() + ", " + name;
        }
      }
      """;

  /** A project's pom declaring greeting (version from a property), plus what is not resolved. */
  public static final String PROJECT_POM =
      """
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>com.acme</groupId>
        <artifactId>welcome</artifactId>
        <version>3.1</version>
        <properties>
          <greeting.version>1.0</greeting.version>
        </properties>
        <dependencies>
          <dependency>
            <groupId>org.example</groupId>
            <artifactId>greeting</artifactId>
            <version>${greeting.version}</version>
          </dependency>
          <dependency>
            <groupId>org.example</groupId>
            <artifactId>only-in-tests</artifactId>
            <version>9.9</version>
            <scope>test</scope>
          </dependency>
        </dependencies>
      </project>
      """;

  private LocalMavenRepository() {}

  /** Builds the repository under {@code root} (scratch in {@code work}); its file:// URL. */
  public static String create(Path root, Path work) throws IOException {
    Path words =
        compile(work.resolve("words"), Map.of("org/example/words/Words.java", WORDS), null);
    publish(root, "words", words, List.of());
    Path greeting =
        compile(
            work.resolve("greeting"),
            Map.of("org/example/greeting/Greeting.java", GREETING),
            words);
    publish(root, "greeting", greeting, List.of("words"));
    return root.toUri().toString();
  }

  private static Path compile(Path dir, Map<String, String> sources, Path classpath)
      throws IOException {
    Path src = dir.resolve("src");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
    if (classpath != null) {
      args.addAll(List.of("-cp", classpath.toString()));
    }
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
      throw new IOException("the test library did not compile");
    }
    return classes;
  }

  private static void publish(Path root, String artifactId, Path classes, List<String> needs)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve("org/example/" + artifactId + "/1.0"));
    try (OutputStream out = Files.newOutputStream(dir.resolve(artifactId + "-1.0.jar"));
        JarOutputStream jar = new JarOutputStream(out);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
    StringBuilder deps = new StringBuilder();
    for (String need : needs) {
      deps.append(
          """
              <dependency>
                <groupId>org.example</groupId>
                <artifactId>%s</artifactId>
                <version>1.0</version>
              </dependency>
          """
              .formatted(need));
    }
    Files.writeString(
        dir.resolve(artifactId + "-1.0.pom"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>org.example</groupId>
          <artifactId>%s</artifactId>
          <version>1.0</version>
          <dependencies>
        %s  </dependencies>
        </project>
        """
            .formatted(artifactId, deps),
        StandardCharsets.UTF_8);
  }
}
