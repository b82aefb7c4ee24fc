package dev.attentive.reviewer.analysis.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.puppycrawl.tools.checkstyle.Checker;
import com.puppycrawl.tools.checkstyle.api.Configuration;
import com.sun.net.httpserver.HttpServer;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.reviewer.analysis.RepositoryAnalyzers;
import dev.attentive.reviewer.analysis.style.CheckstyleRunner.Violation;
import dev.attentive.settings.RepositorySettingsParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A repository's Checkstyle file is the attacker's input: every way it could read a file, a URL, a
 * system property or the environment into a review comment, make the reviewer send a request, or
 * crash it, is refused before anything of it is instantiated (docs/security.md, "Repository
 * Checkstyle configurations").
 *
 * <p>Each attack runs the way a pull request's review would: the configuration travels as a
 * repository's settings, {@link RepositoryAnalyzers} builds the style analyzer from it, the
 * analyzer reviews a file. Each test fails if the secret (a string in a temporary file, served over
 * HTTP, in a system property) shows up in a note or a suggestion, if the local HTTP server is asked
 * anything, or if an exception escapes.
 */
class CheckstyleConfigSecurityTest {

  static final String SECRET = "attentive-secret-" + UUID.randomUUID();
  static final String SECRET_PROPERTY = "attentive.test.secret";
  static final String CHECKSTYLE_DOCTYPE =
      """
      <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
          "https://checkstyle.org/dtds/configuration_1_3.dtd">
      """;

  /**
   * Whose header does not match anything, with violations for most checks: whatever a check can
   * say, it says.
   */
  static final String CODE =
      """
      package com.example;

      public class Prices {
        public int total(int count) {
          return count * 42;
        }
      }
      """;

  static StyleAnalyzer deployment;
  static HttpServer server;
  static final AtomicInteger requests = new AtomicInteger();

  @TempDir static Path dir;
  static Path secretFile;

  @BeforeAll
  static void setUp() throws IOException {
    deployment = new StyleAnalyzer(new StyleConfig(StyleConfig.GOOGLE_CHECKS, false));
    secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET + "\n");
    System.setProperty(SECRET_PROPERTY, SECRET);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = (SECRET + "\n").getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
  }

  @AfterAll
  static void tearDown() {
    server.stop(0);
    System.clearProperty(SECRET_PROPERTY);
  }

  @BeforeEach
  void resetRequests() {
    requests.set(0);
  }

  @AfterEach
  void nothingWasAskedOfTheNetwork() {
    assertThat(requests.get()).as("requests the local HTTP server received").isZero();
  }

  static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  static String checker(String modules) {
    return "<?xml version=\"1.0\"?>\n"
        + CHECKSTYLE_DOCTYPE
        + "<module name=\"Checker\">\n"
        + modules
        + "\n</module>\n";
  }

  static String treeWalker(String checks) {
    return checker("<module name=\"TreeWalker\">\n" + checks + "\n</module>");
  }

  /**
   * What a review of {@link #CODE} under a repository's configuration says: its notes and its
   * suggestions.
   */
  record Review(List<String> notes, List<Suggestion> suggestions) {
    String text() {
      StringBuilder all = new StringBuilder(String.join("\n", notes));
      suggestions.forEach(
          s -> all.append('\n').append(s.message()).append('\n').append(s.ruleId()));
      return all.toString();
    }
  }

  /**
   * The reviewer's own path: settings carry the text, RepositoryAnalyzers builds the analyzer, it
   * reviews a file.
   */
  static Review review(String xml) throws Exception {
    RepositorySettings settings =
        RepositorySettingsParser.parse(
                "style:\n  checkstyle: config/checks.xml\n", "acme/shop@main:.attentive.yml")
            .withCheckstyleXml(xml);
    RepositoryAnalyzers.Selection selection =
        new RepositoryAnalyzers(List.of(deployment)).select(settings);
    PullRequestDiffChunk chunk = Chunks.newFile("src/main/java/com/example/Prices.java", CODE);
    List<Suggestion> suggestions = new ArrayList<>();
    for (Analyzer analyzer : selection.analyzers()) {
      suggestions.addAll(analyzer.analyze(chunk, settings));
    }
    return new Review(selection.notes(), suggestions);
  }

  /**
   * The configuration is refused with a note naming {@code expected}, and nothing secret is in the
   * review.
   */
  static String refused(String xml, String expected) throws Exception {
    Review review = review(xml);
    assertNoSecret(review.text());
    assertThat(review.notes()).hasSize(1);
    String note = review.notes().get(0);
    assertThat(note)
        .startsWith(
            "the repository's Checkstyle configuration config/checks.xml could not be used (")
        .endsWith("); the deployment's rule set was used")
        .contains(expected);
    assertThat(review.suggestions())
        .as("the deployment's rule set still reviews the file")
        .isNotEmpty()
        .allMatch(s -> s.ruleId().startsWith("style/"));
    return note;
  }

  static void assertNoSecret(String text) {
    assertThat(text)
        .doesNotContain(SECRET)
        .doesNotContain(System.getProperty("java.home"))
        .doesNotContain(System.getProperty("user.home") + "/");
  }

  // ----- modules and properties that read a file or a URL

  @ParameterizedTest
  @ValueSource(strings = {"Header", "RegexpHeader"})
  void aHeaderFileIsNeverRead(String module) throws Exception {
    for (String location :
        List.of(
            secretFile.toString(),
            secretFile.toUri().toString(),
            url("/header"),
            jarUrl(),
            "/proc/self/environ",
            "file:///proc/self/environ",
            "http://169.254.169.254/latest/meta-data/")) {
      String note =
          refused(
              checker(
                  "<module name=\""
                      + module
                      + "\"><property name=\"headerFile\" value=\""
                      + location
                      + "\"/></module>"),
              "property `headerFile` of " + module + " is refused");
      assertThat(note).contains("names a file or URL to read");
    }
  }

  @Test
  void anInlineHeaderIsAllowedAndComparesOnlyTheFileUnderReview() throws Exception {
    Review review =
        review(
            checker(
                "<module name=\"Header\"><property name=\"header\" value=\"// Copyright Acme\"/>"
                    + "</module>"));
    assertThat(review.notes()).isEmpty();
    assertThat(review.suggestions()).extracting(Suggestion::ruleId).containsExactly("style/Header");
  }

  @Test
  void importControlReadsRulesFromAFileAndIsRefused() throws Exception {
    refused(
        treeWalker(
            "<module name=\"ImportControl\"><property name=\"file\" value=\""
                + url("/import-control.xml")
                + "\"/></module>"),
        "module ImportControl is refused: it reads its rules from the file or URL in `file`");
  }

  @ParameterizedTest
  @ValueSource(strings = {"SuppressionFilter", "SuppressionXpathFilter"})
  void suppressionFiltersReadAFileAndAreRefused(String filter) throws Exception {
    String placement =
        filter.equals("SuppressionFilter") ? "%s" : "<module name=\"TreeWalker\">%s</module>";
    String note =
        refused(
            checker(
                placement.formatted(
                    "<module name=\""
                        + filter
                        + "\"><property name=\"file\" value=\""
                        + secretFile
                        + "\"/><property name=\"optional\" value=\"false\"/></module>")),
            "module "
                + filter
                + " is refused: it reads suppressions from the file or URL in `file`");
    assertThat(note).as("the way out is in the message").contains("SuppressionSingleFilter");
  }

  @Test
  void translationAndMultiFileHeadersReadOtherFilesAndAreRefused() throws Exception {
    refused(
        checker(
            "<module name=\"Translation\"><property name=\"fileExtensions\" value=\"java\"/></module>"),
        "module Translation is refused: it reads the other .properties files");
    refused(
        checker(
            "<module name=\"MultiFileRegexpHeader\"><property name=\"headerFiles\" value=\""
                + secretFile
                + "\"/></module>"),
        "module MultiFileRegexpHeader is refused: it reads the header files");
  }

  @Test
  void checkerLocationsAreRefused() throws Exception {
    refused(
        checker("<property name=\"cacheFile\" value=\"" + dir.resolve("cache") + "\"/>"),
        "property `cacheFile` of Checker is refused: it names a file Checkstyle reads and writes");
    refused(
        checker("<property name=\"basedir\" value=\"/\"/>"),
        "property `basedir` of Checker is refused");
    refused(
        checker("<property name=\"moduleClassLoader\" value=\"x\"/>"),
        "property `moduleClassLoader` of Checker is refused: it takes a ClassLoader");
    assertThat(dir.resolve("cache")).doesNotExist();
  }

  @Test
  void aRepositoryNeverNamesAFileOfTheReviewers() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("reviewer-side.xml"),
            checker(
                "<module name=\"RegexpSingleline\">"
                    + "<property name=\"format\" value=\"class\"/><property name=\"message\" value=\"${"
                    + SECRET_PROPERTY
                    + "}\"/></module>"));
    // As a crafted or stale chunk would carry it: a path, without the text ingest reads from the
    // repository.
    RepositorySettings settings =
        new RepositorySettings(
            RepositorySettings.VERSION,
            null,
            config.toString(),
            null,
            null,
            List.of(),
            null,
            null,
            null,
            null,
            null,
            List.of(),
            "acme/shop@main:.attentive.yml");

    RepositoryAnalyzers.Selection selection =
        new RepositoryAnalyzers(List.of(deployment)).select(settings);

    assertThat(selection.analyzers()).containsExactly(deployment);
    assertThat(selection.notes())
        .containsExactly(
            "the repository's Checkstyle configuration "
                + config
                + " came without its text; the deployment's rule set was used");
  }

  // ----- expansion of system properties and the environment

  @Test
  void propertiesAreNeverExpanded() throws Exception {
    for (String value :
        List.of(
            "${" + SECRET_PROPERTY + "}",
            "${user.home} ${java.home}",
            "${env.HOME}",
            "$${" + SECRET_PROPERTY + "}",
            "x ${user.name")) {
      refused(
          treeWalker(
              "<module name=\"Regexp\"><property name=\"format\" value=\"class\"/>"
                  + "<property name=\"illegalPattern\" value=\"true\"/><property name=\"message\" value=\""
                  + value
                  + "\"/>"
                  + "</module>"),
          "uses ${...}: repository configurations are not expanded");
      refused(
          treeWalker(
              "<module name=\"MagicNumber\"><message key=\"magic.number\" value=\""
                  + value
                  + "\"/>"
                  + "</module>"),
          "message `magic.number` of MagicNumber uses ${...}");
    }
  }

  // ----- DOCTYPEs and entities

  @Test
  void aForeignDoctypeIsRefusedAndNeverFetched() throws Exception {
    refused(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE module SYSTEM \""
            + url("/evil.dtd")
            + "\">\n"
            + "<module name=\"Checker\"/>",
        "a DOCTYPE other than Checkstyle's own");
    refused(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC \"-//Evil//DTD//EN\" \""
            + url("/evil.dtd")
            + "\">\n"
            + "<module name=\"Checker\"/>",
        "a DOCTYPE other than Checkstyle's own");
  }

  @Test
  void checkstylesOwnDoctypeIsAcceptedAndNeverFetchedWhateverItsSystemId() throws Exception {
    for (String publicId :
        List.of(
            "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN",
            "-//Puppy Crawl//DTD Check Configuration 1.2//EN")) {
      Review review =
          review(
              "<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC \""
                  + publicId
                  + "\" \""
                  + url("/configuration_1_3.dtd")
                  + "\">\n<module name=\"Checker\"><module name=\"TreeWalker\">"
                  + "<module name=\"MagicNumber\"/></module></module>");
      assertThat(review.notes()).isEmpty();
      assertThat(review.suggestions())
          .extracting(Suggestion::ruleId)
          .containsExactly("style/MagicNumber");
    }
  }

  @Test
  void entitiesAreRefusedExternalOrInternal() throws Exception {
    String external =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE module [\n  <!ENTITY secret SYSTEM \""
            + secretFile.toUri()
            + "\">\n]>\n<module name=\"Checker\"><module name=\"RegexpSingleline\"><property name=\"format\""
            + " value=\"class\"/><property name=\"message\" value=\"&secret;\"/></module></module>";
    refused(external, "a DOCTYPE other than Checkstyle's own");
    refused(
        external.replace(
            "<!DOCTYPE module [",
            "<!DOCTYPE module PUBLIC"
                + " \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\" \"x.dtd\" ["),
        "declarations inside the DOCTYPE");
    refused(
        external
            .replace(secretFile.toUri().toString(), url("/entity"))
            .replace(
                "<!DOCTYPE module [",
                "<!DOCTYPE module PUBLIC \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\" \"x.dtd\" ["),
        "declarations inside the DOCTYPE");
    refused(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\""
            + " \"x.dtd\" [\n  <!ENTITY % remote SYSTEM \""
            + url("/parameter")
            + "\">\n  %remote;\n]>\n"
            + "<module name=\"Checker\"/>",
        "declarations inside the DOCTYPE");
    refused(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\""
            + " \"x.dtd\" [\n  <!ENTITY name \"MagicNumber\">\n]>\n<module name=\"Checker\"><module name=\"TreeWalker\">"
            + "<module name=\"&name;\"/></module></module>",
        "declarations inside the DOCTYPE");
  }

  @Test
  void billionLaughsIsRefusedAtOnce() throws Exception {
    StringBuilder lol =
        new StringBuilder(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE module PUBLIC"
                + " \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\" \"x.dtd\" [\n  <!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      lol.append("  <!ENTITY lol")
          .append(i)
          .append(" \"")
          .append(("&lol" + (i - 1) + ";").repeat(10))
          .append("\">\n");
    }
    lol.append(
        "]>\n<module name=\"Checker\"><property name=\"severity\" value=\"&lol9;\"/></module>");
    long start = System.nanoTime();
    refused(lol.toString(), "declarations inside the DOCTYPE");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anEntityReferenceWithoutADeclarationIsRefusedToo() throws Exception {
    refused(
        checker("<property name=\"severity\" value=\"&undeclared;\"/>"),
        "entities are not allowed");
    refused(
        "<module name=\"Checker\"><property name=\"severity\" value=\"&undeclared;\"/></module>",
        "not well-formed XML");
  }

  @Test
  void xincludeIsNotProcessed() throws Exception {
    refused(
        checker(
            "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + secretFile.toUri()
                + "\" parse=\"text\"/>"),
        "<`xi:include`> is not part of a Checkstyle configuration");
  }

  // ----- classes

  @ParameterizedTest
  @ValueSource(
      strings = {
        "com.evil.Check",
        "java.lang.ProcessBuilder",
        "javax.script.ScriptEngineManager",
        "dev.attentive.reviewer.analysis.style.CachingXpathSingleFilter",
        "com.puppycrawl.tools.checkstyle.XMLLogger",
        "com.puppycrawl.tools.checkstyle.checks.imports.ImportControlCheck.",
        "NoSuchModule",
        "XMLLogger",
        ""
      })
  void onlyCheckstylesOwnAllowedModulesAreInstantiated(String name) throws Exception {
    refused(
        treeWalker("<module name=\"" + name + "\"/>"),
        "is not a Checkstyle module; custom and third-party" + " classes are not allowed");
  }

  @Test
  void checkstylesFullyQualifiedNamesAreTheModulesTheyName() throws Exception {
    refused(
        treeWalker(
            "<module name=\"com.puppycrawl.tools.checkstyle.checks.imports.ImportControlCheck\"/>"),
        "module ImportControl is refused");
    Review review =
        review(
            treeWalker(
                "<module name=\"com.puppycrawl.tools.checkstyle.checks.coding.MagicNumberCheck\""
                    + "/>"));
    assertThat(review.notes()).isEmpty();
    assertThat(review.suggestions())
        .extracting(Suggestion::ruleId)
        .containsExactly("style/MagicNumber");
  }

  @Test
  void modulesStandWhereCheckstylePutsThem() throws Exception {
    refused(
        checker("<module name=\"MagicNumber\"/>"),
        "module MagicNumber must stand directly under TreeWalker," + " not under Checker");
    refused("<module name=\"TreeWalker\"/>", "cannot be the root");
    refused(
        treeWalker("<module name=\"MagicNumber\"><module name=\"MagicNumber\"/></module>"),
        "must stand directly under TreeWalker, not under MagicNumber");
  }

  // ----- XPath queries

  @Test
  void xpathQueriesCannotReadDocumentsFilesOrTheEnvironment() throws Exception {
    for (String query :
        List.of(
            "//CLASS_DEF[contains(unparsed-text('" + secretFile.toUri() + "'), 'attentive')]",
            "//CLASS_DEF[doc('" + url("/doc.xml") + "')]",
            "//CLASS_DEF[exists(doc (: a comment :) ('" + url("/doc.xml") + "'))]",
            "//CLASS_DEF[environment-variable('HOME') = 'x']",
            "//CLASS_DEF[fn:doc('" + url("/doc.xml") + "')]",
            "//CLASS_DEF[Q{http://www.w3.org/2005/xpath-functions}doc('" + url("/doc.xml") + "')]",
            "//CLASS_DEF[doc#1('" + url("/doc.xml") + "')]",
            "//CLASS_DEF[function-lookup(xs:QName('fn:doc'), 1)('" + url("/doc.xml") + "')]",
            "//CLASS_DEF['" + url("/doc.xml") + "' => doc()]",
            "//CLASS_DEF[collection('" + dir.toUri() + "')]")) {
      String escaped = query.replace("'", "&apos;");
      refused(
          treeWalker(
              "<module name=\"MatchXpath\"><property name=\"query\" value=\""
                  + escaped
                  + "\"/></module>"),
          "property `query` of MatchXpath is refused");
      refused(
          treeWalker(
              "<module name=\"MagicNumber\"/><module name=\"SuppressionXpathSingleFilter\">"
                  + "<property name=\"query\" value=\""
                  + escaped
                  + "\"/></module>"),
          "property `query` of SuppressionXpathSingleFilter is refused");
    }
  }

  @Test
  void xpathQueriesOverTheTreeAreAllowedEvenWhenAStringMentionsAFunction() throws Exception {
    Review review =
        review(
            treeWalker(
                "<module name=\"MatchXpath\"><property name=\"query\" value=\"//METHOD_DEF["
                    + "./IDENT[not(starts-with(@text, &apos;doc(&apos;)) and string-length(@text) &gt; 2]] (: doc( :)\"/>"
                    + "</module>"));
    assertThat(review.notes()).isEmpty();
    assertThat(review.suggestions())
        .extracting(Suggestion::ruleId)
        .containsExactly("style/MatchXpath");
  }

  // ----- size, nesting, count, length

  @Test
  void aTenMegabyteConfigurationIsRefusedUnread() throws Exception {
    String huge = checker("<!-- " + "x".repeat(10 * 1024 * 1024) + " -->");
    refused(huge, "at most 256 KiB are accepted");
  }

  @Test
  void nestingBombsAreRefusedAtTheFifthLevel() throws Exception {
    String deep = "<a>".repeat(30_000) + "</a>".repeat(30_000);
    long start = System.nanoTime();
    refused(deep, "nested deeper than a Checkstyle configuration");
    refused(
        treeWalker(
            "<module name=\"MagicNumber\"><property name=\"x\" value=\"y\"><property name=\"x\""
                + " value=\"y\"/></property></module>"),
        "nested deeper");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void tooManyModulesAreRefused() throws Exception {
    refused(
        treeWalker("<module name=\"MagicNumber\"/>".repeat(SafeCheckstyleConfig.MAX_MODULES)),
        "more than " + SafeCheckstyleConfig.MAX_MODULES + " modules");
  }

  @Test
  void longValuesAreRefused() throws Exception {
    refused(
        treeWalker(
            "<module name=\"MethodName\"><property name=\"format\" value=\""
                + "(a|b)*".repeat(400)
                + "\"/></module>"),
        "at most " + CheckstyleAllowlist.MAX_VALUE_CHARS + " are allowed");
  }

  @Test
  void aPatternThatRecursesOnALongLineCostsItsFindingsNotTheReviewer() throws Exception {
    StyleAnalyzer analyzer =
        new StyleAnalyzer(
            StyleConfig.fromRepository(
                "checks.xml",
                checker(
                    "<module name=\"RegexpSingleline\"><property name=\"format\" value=\"^(a|b)*$\"/></module>"),
                false));
    String code = "class A {\n/*\n" + "ab".repeat(500_000) + "\n*/\n}\n";
    assertThat(analyzer.analyze(Chunks.newFile("A.java", code))).isEmpty();
  }

  // ----- what is not a secret attack, but must not crash either

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "not xml",
        "<module name=\"Checker\">",
        "<module/>",
        "<?xml version=\"1.0\"?>",
        "<module name=\"Checker\"><property name=\"severity\"/></module>",
        "<module name=\"Checker\"><module name=\"TreeWalker\"><module name=\"MethodName\"><property name=\"format\""
            + " value=\"(\"/></module></module></module>",
        "<module name=\"Checker\"><module name=\"TreeWalker\"><module name=\"WhitespaceAround\"><property"
            + " name=\"tokens\" value=\"NO_SUCH_TOKEN\"/></module></module></module>",
        "<module name=\"Checker\"><module name=\"TreeWalker\"><module name=\"MagicNumber\"><property name=\"nope\""
            + " value=\"1\"/></module></module></module>"
      })
  void brokenConfigurationsBecomeANoteNotACrash(String xml) throws Exception {
    Review review = review(xml);
    assertThat(review.notes()).singleElement().asString().contains("could not be used");
  }

  // ----- what teams write keeps working

  @Test
  void googleChecksAsATeamFileGivesTheSameViolationsAsTheBundledOne() throws Exception {
    String team =
        teamCopy("google_checks.xml")
            .replace("value=\"${org.checkstyle.google.severity}\"", "value=\"warning\"");
    Configuration parsed = SafeCheckstyleConfig.parse(team);
    assertThat(parsed.getChildren()).isNotEmpty();

    for (String code :
        List.of(
            CheckstyleRunnerTest.SUPPRESSIONS, StyleAnalyzerTest.HEAD, StyleAnalyzerTest.COUNTER)) {
      List<Violation> bundled = new CheckstyleRunner(StyleConfig.defaults()).check("A.java", code);
      List<Violation> asTeam =
          new CheckstyleRunner(StyleConfig.fromRepository("checks.xml", team, false))
              .check("A.java", code);
      assertThat(asTeam).isEqualTo(bundled).isNotEmpty();
    }
  }

  @Test
  void sunChecksAsATeamFileLessTranslationGivesTheSameViolations() throws Exception {
    String team = teamCopy("sun_checks.xml").replace("<module name=\"Translation\"/>", "");
    for (String code : List.of(StyleAnalyzerTest.HEAD, StyleAnalyzerTest.COUNTER)) {
      List<Violation> bundled =
          new CheckstyleRunner(new StyleConfig(StyleConfig.SUN_CHECKS, false))
              .check("A.java", code);
      List<Violation> asTeam =
          new CheckstyleRunner(StyleConfig.fromRepository("checks.xml", team, false))
              .check("A.java", code);
      assertThat(asTeam).isEqualTo(bundled).isNotEmpty();
    }
    assertThatThrownBy(() -> SafeCheckstyleConfig.parse(teamCopy("sun_checks.xml")))
        .isInstanceOf(SafeCheckstyleConfig.Refused.class)
        .hasMessageContaining("module Translation is refused");
  }

  @Test
  void everyProblemIsListedUpToFive() {
    assertThatThrownBy(
            () ->
                SafeCheckstyleConfig.parse(
                    treeWalker(
                        "<module name=\"A1\"/><module name=\"A2\"/>"
                            + "<module name=\"A3\"/><module name=\"A4\"/><module name=\"A5\"/><module name=\"A6\"/><module name=\"A7\"/>")))
        .isInstanceOf(SafeCheckstyleConfig.Refused.class)
        .hasMessageContaining("`A5`")
        .hasMessageNotContaining("`A6`")
        .hasMessageEndingWith("; and 2 more")
        .satisfies(e -> assertThat(((SafeCheckstyleConfig.Refused) e).problems()).hasSize(7));
  }

  /**
   * A bundled configuration as a team copies it into its repository, less its two filters that read
   * suppression files (with the bundled file, the reviewer points them at a file that does not
   * exist: they suppress nothing).
   */
  static String teamCopy(String bundled) throws IOException {
    String text;
    try (InputStream in = Checker.class.getResourceAsStream("/" + bundled)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return text.replaceAll("(?s)<module name=\"Suppression(Xpath)?Filter\">.*?</module>", "");
  }

  /** A jar holding the secret, and a jar: URL into it. */
  static String jarUrl() throws IOException {
    Path jar = dir.resolve("secret.jar");
    if (!Files.exists(jar)) {
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
        zip.putNextEntry(new ZipEntry("header.txt"));
        zip.write(SECRET.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return "jar:" + jar.toUri() + "!/header.txt";
  }
}
