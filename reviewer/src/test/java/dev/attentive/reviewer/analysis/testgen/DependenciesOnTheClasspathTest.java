package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.reviewer.analysis.SourceContext;
import dev.attentive.reviewer.analysis.dependencies.DependenciesConfig;
import dev.attentive.reviewer.analysis.dependencies.DependencyResolver;
import dev.attentive.reviewer.analysis.dependencies.LocalMavenRepository;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer.MethodReport;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer.Report;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class that imports a third-party library gets a compiled, executed test that asserts a value
 * only when the project's declared dependencies (its pom.xml, attached by ingest) are resolved:
 * through a Maven repository built in the test, the library and its own dependency on javac's and
 * the sandbox's classpath.
 */
class DependenciesOnTheClasspathTest {

  static final String WELCOME = "module/src/main/java/com/acme/Welcome.java";

  static final String BASE =
      """
      package com.acme;

      import org.example.greeting.Greeting;

      public final class Welcome {
        public static String welcome(String name) {
          return Greeting.hello(name);
        }
      }
      """;

  static final String HEAD =
      """
      package com.acme;

      import org.example.greeting.Greeting;

      public final class Welcome {
        public static String welcome(String name) {
          return Greeting.hello(name) + "!";
        }
      }
      """;

  /** The repository around the file: its module's pom (the nearest one) and the root's. */
  static final SourceContext AROUND =
      new SourceContext(
          Map.of(
              "module/pom.xml",
              LocalMavenRepository.PROJECT_POM,
              "pom.xml",
              "<project><modelVersion>4.0.0</modelVersion></project>"),
          Map.of());

  @TempDir Path temp;

  private static TestAnalyzer executing() {
    return new TestAnalyzer(new TestsConfig(true, Duration.ofSeconds(60), 128, 10, 12));
  }

  @Test
  void withoutResolutionTheLibraryIsNamedAndNoTestIsProposed() throws Exception {
    Report r = executing().report(Chunks.modified(WELCOME, BASE, HEAD), true, AROUND);
    assertThat(r.methods())
        .singleElement()
        .satisfies(m -> assertThat(m.verification()).contains("needs org.example.greeting"));
    assertThat(r.suggestions()).isEmpty();
  }

  @Test
  void withResolutionItsTestCompilesRunsAndAssertsAValue() throws Exception {
    String url = LocalMavenRepository.create(temp.resolve("repo"), temp.resolve("work"));
    try (DependencyResolver resolver =
        new DependencyResolver(
            new DependenciesConfig(
                url, temp.resolve("cache"), 100, 10_000_000, Duration.ofSeconds(60)))) {
      Report r =
          executing()
              .withDependencies(resolver)
              .report(Chunks.modified(WELCOME, BASE, HEAD), true, AROUND);
      MethodReport welcome = r.methods().get(0);
      assertThat(welcome.verification()).isEqualTo(TestAnalyzer.PASSED);
      assertThat(welcome.testSource()).contains("assertEquals(");
      // run in the sandbox with the library and its dependency: "Hello, x" before, "Hello, x!" now
      assertThat(welcome.changes()).isNotEmpty();
      assertThat(welcome.changes().get(0).after().describe()).endsWith("!\"`");
      assertThat(r.suggestions()).isNotEmpty();
    }
  }

  @Test
  void theNearestPomIsTheChangedFilesModules() {
    assertThat(TestAnalyzer.nearestPom(WELCOME, AROUND.head())).isEqualTo("module/pom.xml");
    assertThat(TestAnalyzer.nearestPom("src/A.java", AROUND.head())).isEqualTo("pom.xml");
    assertThat(TestAnalyzer.nearestPom("src/A.java", Map.of())).isNull();
  }
}
