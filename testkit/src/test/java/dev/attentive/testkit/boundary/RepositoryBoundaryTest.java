package dev.attentive.testkit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.testkit.boundary.RepositoryBoundary.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No source, test, script, build file or document refers to a path outside the repository. CI
 * checks out with a folder of shared material beside the clone, so a test reading from there passes
 * in CI and fails in a fresh clone: this test is what fails in CI instead.
 */
class RepositoryBoundaryTest {

  // Offending text is assembled at run time so that this file itself stays clean.
  static final String UP = "..";

  @TempDir Path tmp;

  @Test
  void theRepositoryRefersToNothingOutsideItself() throws Exception {
    Path root = RepositoryBoundary.rootAbove(Path.of(""));
    List<Finding> findings = new RepositoryBoundary(root).scan();

    assertThat(findings)
        .withFailMessage(
            "references to paths outside the repository %s (file:line: why: text):%n%s",
            root, findings.stream().map(Finding::toString).collect(Collectors.joining("\n")))
        .isEmpty();
  }

  @Test
  void theRootIsFoundFromAModuleByTheParentPomOrTheGitEntry() throws Exception {
    Path repo = tmp.resolve("repo");
    Path module = Files.createDirectories(repo.resolve("mod/src/test"));
    Files.writeString(
        repo.resolve("pom.xml"), "<project><artifactId>attentive-parent</artifactId></project>");
    Files.writeString(
        repo.resolve("mod/pom.xml"),
        "<project><parent><artifactId>attentive-parent</artifactId></parent><artifactId>mod</artifactId></project>");
    assertThat(RepositoryBoundary.rootAbove(module)).isEqualTo(repo);

    Path clone = Files.createDirectories(tmp.resolve("clone/a/b"));
    Files.writeString(tmp.resolve("clone/.git"), "gitdir: elsewhere\n");
    assertThat(RepositoryBoundary.rootAbove(clone)).isEqualTo(tmp.resolve("clone"));
  }

  @Test
  void eachKindOfEscapeIsReportedWithFileAndLine() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path test = Files.createDirectories(repo.resolve("ingest/src/test/java"));
    Files.writeString(
        test.resolve("PayloadTest.java"),
        String.join(
            "\n",
            "class PayloadTest {",
            "  Path payloads = Path.of(\"" + UP + "/" + "shared/" + "fixtures/github-webhooks\");",
            "  String home = \"/" + "home/dev/attentive\";",
            "}"));
    Files.writeString(repo.resolve("README.md"), "Read [the notes](" + UP + "/notes.md).\n");
    Files.createDirectories(repo.resolve("bin"));
    Files.writeString(
        repo.resolve("bin/run"),
        "#!/bin/sh\ncd \"$(dirname \"$0\")/..\"\nexec java -jar /" + "work/app.jar\n");
    Files.writeString(repo.resolve("Dockerfile"), "COPY " + UP + "/" + UP + "/secrets /etc/\n");

    List<String> findings =
        new RepositoryBoundary(repo).scan().stream().map(Finding::toString).toList();

    assertThat(findings)
        .containsExactly(
            "Dockerfile:1: climbs 2 folder(s) from a file 0 below the repository root: COPY "
                + UP
                + "/"
                + UP
                + "/secrets /etc/",
            "README.md:1: climbs 1 folder(s) from a file 0 below the repository root: Read [the notes]("
                + UP
                + "/notes.md).",
            "bin/run:3: an absolute path outside the repository: exec java -jar /" + "work/app.jar",
            "ingest/src/test/java/PayloadTest.java:2: the shared folder beside the checkout: Path payloads = Path.of(\""
                + UP
                + "/"
                + "shared/"
                + "fixtures/github-webhooks\");",
            "ingest/src/test/java/PayloadTest.java:2: the shared folder's fixtures: Path payloads = Path.of(\""
                + UP
                + "/"
                + "shared/"
                + "fixtures/github-webhooks\");",
            "ingest/src/test/java/PayloadTest.java:3: an absolute path outside the repository: String home = \"/"
                + "home/dev/attentive\";");
  }

  @Test
  void pathsInsideTheRepositoryUrlsAndBuildOutputAreNotReported() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path module = Files.createDirectories(repo.resolve("models"));
    Files.writeString(
        module.resolve("pom.xml"), "<relativePath>" + UP + "/pom.xml</relativePath>\n");
    Files.writeString(
        module.resolve("README.md"),
        String.join(
            "\n",
            "See [the model](" + UP + "/docs/model.md), https://example.com/home/index.html and",
            "`GET .../pulls/{n}/reviews`, `String... args`, lines 1..3, the ranges start_line..line."));
    Files.createDirectories(repo.resolve("models/target"));
    Files.writeString(repo.resolve("models/target/build.properties"), "dir=/" + "work/x\n");
    Files.createDirectories(repo.resolve(".local-stack"));
    Files.writeString(repo.resolve(".local-stack/run.properties"), "dir=/" + "home/x\n");
    Files.writeString(repo.resolve(".gitignore"), "target/\n.local-stack/\n*.iml\n");
    Files.writeString(repo.resolve("model.bin"), "/" + "work/not text we read\n");

    assertThat(new RepositoryBoundary(repo).scan()).isEmpty();
  }
}
