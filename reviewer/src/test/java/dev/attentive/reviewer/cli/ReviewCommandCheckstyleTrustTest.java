package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.reviewer.cli.ReviewCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attentive review} trusts only the Checkstyle file its user names with {@code
 * --checkstyle-config}; the one a {@code --repo} checkout names in its {@code .attentive.yml} is
 * the change's own code (in CI, the pull request's) and goes through the same allowlist as in the
 * service.
 */
class ReviewCommandCheckstyleTrustTest {

  static final String SECRET_PROPERTY = "attentive.cli.secret";
  static final String SECRET = "cli-secret-" + UUID.randomUUID();

  /** Flags the patch's added star import (line 4) with a message that expands a system property. */
  static final String EXPANDING =
      """
      <?xml version="1.0"?>
      <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
          "https://checkstyle.org/dtds/configuration_1_3.dtd">
      <module name="Checker">
        <module name="RegexpSingleline">
          <property name="format" value="import java\\.util\\.\\*"/>
          <property name="message" value="${attentive.cli.secret}"/>
        </module>
      </module>
      """;

  @TempDir Path dir;
  final ReviewCommandTest cli = new ReviewCommandTest();

  @BeforeEach
  void setUp() {
    cli.dir = dir;
    System.setProperty(SECRET_PROPERTY, SECRET);
  }

  @AfterEach
  void tearDown() {
    System.clearProperty(SECRET_PROPERTY);
  }

  Path checkout(String attentiveYml, String checks) throws Exception {
    Path repo = cli.checkout(ReviewCommandTest.BASE);
    Files.writeString(repo.resolve(".attentive.yml"), attentiveYml);
    if (checks != null) {
      Files.createDirectories(repo.resolve("config"));
      Files.writeString(repo.resolve("config/checks.xml"), checks);
    }
    return repo;
  }

  @Test
  void theCheckoutsOwnRuleSetIsCheckedAndRefusedWithANote() throws Exception {
    Path secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET);
    String header =
        "<module name=\"Checker\"><module name=\"Header\"><property name=\"headerFile\" value=\""
            + secretFile
            + "\"/></module></module>";
    for (String checks : new String[] {EXPANDING, header}) {
      Path repo = checkout("style:\n  checkstyle: config/checks.xml\n", checks);

      Run run = cli.run("--patch", cli.patch().toString(), "--repo", repo.toString());

      assertThat(run.code()).isZero();
      assertThat(run.out() + run.err()).doesNotContain(SECRET);
      assertThat(run.out())
          .contains("the repository's Checkstyle configuration config/checks.xml could not be used")
          // no rule set by default: a refused file is not replaced by Google's (issue 12)
          .doesNotContain("`style/AvoidStarImport`");
    }
  }

  @Test
  void theSameFileNamedOnTheCommandLineIsTrustedAndLoadedAsCheckstyleLoadsIt() throws Exception {
    Path repo = checkout("style:\n  checkstyle: config/checks.xml\n", EXPANDING);

    Run run =
        cli.run(
            "--patch",
            cli.patch().toString(),
            "--repo",
            repo.toString(),
            "--checkstyle-config",
            repo.resolve("config/checks.xml").toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .as("an explicitly named file is trusted: ${...} expands")
        .contains(SECRET)
        .doesNotContain("could not be used");
    assertThat(cli.run("--help").out())
        .contains("--checkstyle-config  TRUSTED")
        .contains("never one the change")
        .contains("under review can edit");
  }

  /**
   * Checkstyle 12.3.1's loader throws a NullPointerException (from the JDK's parser) on an entity
   * block.
   */
  @Test
  void aNamedFileThatCheckstylesLoaderChokesOnIsAUsageErrorNotACrash() throws Exception {
    Path entityBlock =
        Files.writeString(
            dir.resolve("entities.xml"),
            """
        <?xml version="1.0"?>
        <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
            "https://checkstyle.org/dtds/configuration_1_3.dtd" [
          <!ENTITY name "MagicNumber">
        ]>
        <module name="Checker"><module name="TreeWalker"><module name="&name;"/></module></module>
        """);

    Run run =
        cli.run("--patch", cli.patch().toString(), "--checkstyle-config", entityBlock.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("attentive review: cannot load Checkstyle configuration " + entityBlock);
  }

  @Test
  void anAllowedRuleSetOfTheCheckoutIsUsed() throws Exception {
    Path repo =
        checkout(
            "style:\n  checkstyle: config/checks.xml\n",
            """
        <?xml version="1.0"?>
        <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
            "https://checkstyle.org/dtds/configuration_1_3.dtd">
        <module name="Checker">
          <module name="TreeWalker">
            <module name="AvoidStarImport">
              <property name="id" value="TeamStarImport"/>
            </module>
          </module>
        </module>
        """);

    Run run =
        cli.run("--patch", cli.patch().toString(), "--repo", repo.toString(), "--no-formatter");

    assertThat(run.out())
        .contains("**line 4** · `style/TeamStarImport`")
        .doesNotContain("could not be used")
        .doesNotContain("`style/AvoidStarImport`");
  }

  @Test
  void aRuleSetOutsideTheCheckoutIsNotRead() throws Exception {
    Path secretXml = Files.writeString(dir.resolve("outside.xml"), EXPANDING);
    Path repo = checkout("style:\n  checkstyle: config/checks.xml\n", null);
    Files.createDirectories(repo.resolve("config"));
    Files.createSymbolicLink(repo.resolve("config/checks.xml"), secretXml);

    Run link = cli.run("--patch", cli.patch().toString(), "--repo", repo.toString());
    Run dotDot =
        cli.run(
            "--patch",
            cli.patch().toString(),
            "--repo",
            checkout("style:\n  checkstyle: ../outside.xml\n", null).toString());

    assertThat(link.out())
        .contains("style.checkstyle names `config/checks.xml`, which is a link out of the checkout")
        .doesNotContain(SECRET);
    assertThat(dotDot.out())
        .contains("style.checkstyle must be google_checks.xml, sun_checks.xml or a relative path")
        .doesNotContain(SECRET);
  }

  @Test
  void aBundledRuleSetNamedByTheCheckoutIsUsed() throws Exception {
    Path repo = checkout("style:\n  checkstyle: sun_checks.xml\n", null);

    Run run =
        cli.run("--patch", cli.patch().toString(), "--repo", repo.toString(), "--no-formatter");

    assertThat(run.out()).contains("style/DesignForExtension").doesNotContain("could not be used");
  }
}
