package dev.attentive.reviewer.analysis.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a pom declares for the main code, versions from its own properties and management. */
class PomDependenciesTest {

  @Test
  void scopesPropertiesAndManagedVersions() {
    PomDependencies.Read read =
        PomDependencies.read(
            """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>com.acme</groupId>
                <artifactId>parent</artifactId>
                <version>7</version>
              </parent>
              <artifactId>app</artifactId>
              <properties>
                <lib.major>2</lib.major>
                <lib.version>${lib.major}.5</lib.version>
              </properties>
              <dependencyManagement>
                <dependencies>
                  <dependency>
                    <groupId>org.example</groupId>
                    <artifactId>managed</artifactId>
                    <version>${lib.version}</version>
                  </dependency>
                </dependencies>
              </dependencyManagement>
              <dependencies>
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>lib</artifactId>
                  <version>${lib.version}</version>
                </dependency>
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>managed</artifactId>
                </dependency>
                <dependency>
                  <groupId>${project.groupId}</groupId>
                  <artifactId>sibling</artifactId>
                  <version>${project.version}</version>
                  <scope>provided</scope>
                </dependency>
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>from-parent</artifactId>
                </dependency>
                <dependency>
                  <groupId>org.example</groupId>
                  <artifactId>unknown</artifactId>
                  <version>${nowhere}</version>
                </dependency>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <version>5.10.0</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>
            </project>
            """);
    assertThat(read.dependencies())
        .extracting(PomDependencies.Declared::coordinates)
        .containsExactly("org.example:lib:2.5", "org.example:managed:2.5", "com.acme:sibling:7");
    assertThat(read.dependencies().get(2).scope()).isEqualTo("provided");
    assertThat(read.notes()).hasSize(2);
    assertThat(read.notes().get(0)).contains("org.example:from-parent").contains("parent pom");
    assertThat(read.notes().get(1)).contains("${nowhere}");
  }

  @Test
  void aPomThatIsNotXmlIsANote() {
    PomDependencies.Read read = PomDependencies.read("not a pom");
    assertThat(read.dependencies()).isEmpty();
    assertThat(read.notes()).singleElement().asString().contains("could not be read");
  }
}
