package dev.attentive.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.StyleTools;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which style tools a repository declares: only these make the reviewer run a rule set. */
class ToolDetectorTest {

  static final String CHECKS = "<module name=\"Checker\"><module name=\"TreeWalker\"/></module>";

  @Test
  void nothingDeclaredIsNothing() {
    List<String> notes = new ArrayList<>();
    assertThat(ToolDetector.detect(Map.of("pom.xml", "<project/>"), notes))
        .isEqualTo(StyleTools.NONE);
    assertThat(notes).isEmpty();
  }

  @Test
  void aCheckstyleFileInTheUsualPlaceIsFoundWithItsText() {
    StyleTools tools =
        ToolDetector.detect(
            Map.of("config/checkstyle/checkstyle.xml", CHECKS, "pom.xml", "<project/>"),
            new ArrayList<>());
    assertThat(tools.checkstylePath()).isEqualTo("config/checkstyle/checkstyle.xml");
    assertThat(tools.checkstyleXml()).isEqualTo(CHECKS);
    assertThat(tools.formatter()).isNull();
  }

  @Test
  void thePluginsConfigLocationWinsAndABundledNameNeedsNoText() {
    String pom =
        "<plugin><artifactId>maven-checkstyle-plugin</artifactId>"
            + "<configuration><configLocation>google_checks.xml</configLocation></configuration></plugin>";
    StyleTools tools =
        ToolDetector.detect(Map.of("pom.xml", pom, "checkstyle.xml", CHECKS), new ArrayList<>());
    assertThat(tools.checkstylePath()).isEqualTo("google_checks.xml");
    assertThat(tools.checkstyleXml()).isNull();
  }

  @Test
  void aSuppressionsFileIsNotARuleSet() {
    StyleTools tools =
        ToolDetector.detect(
            Map.of("build/checkstyle-suppressions.xml", "<suppressions/>"), new ArrayList<>());
    assertThat(tools.checkstylePath()).isNull();
  }

  @Test
  void spotlessWithGoogleJavaFormatInAospStyleIsAosp() {
    String pom =
        "<plugin><artifactId>spotless-maven-plugin</artifactId><configuration><java>"
            + "<googleJavaFormat><style>AOSP</style></googleJavaFormat></java></configuration></plugin>";
    StyleTools tools = ToolDetector.detect(Map.of("pom.xml", pom), new ArrayList<>());
    assertThat(tools.formatter()).isEqualTo(StyleTools.AOSP);
    assertThat(tools.formatterSource()).isEqualTo("pom.xml: spotless");
  }

  @Test
  void theFmtPluginIsGoogleStyle() {
    StyleTools tools =
        ToolDetector.detect(
            Map.of("pom.xml", "<artifactId>fmt-maven-plugin</artifactId>"), new ArrayList<>());
    assertThat(tools.formatter()).isEqualTo(StyleTools.GOOGLE);
  }

  @Test
  void aFormatterWeDoNotRunIsNotedNotRun() {
    List<String> notes = new ArrayList<>();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("build.gradle", "spotless { java { palantirJavaFormat() } }");
    StyleTools tools = ToolDetector.detect(files, notes);
    assertThat(tools.formatter()).isEqualTo("palantir");
    assertThat(notes)
        .singleElement()
        .satisfies(n -> assertThat(n).contains("palantir").contains("does not run that formatter"));
  }

  @Test
  void aCheckstyleFileOverTheCapIsNotCarried() {
    List<String> notes = new ArrayList<>();
    String huge = CHECKS + " ".repeat(ToolDetector.MAX_CHECKSTYLE_CHARS);
    StyleTools tools = ToolDetector.detect(Map.of("checkstyle.xml", huge), notes);
    assertThat(tools.checkstylePath()).isNull();
    assertThat(notes).singleElement().satisfies(n -> assertThat(n).contains("is not used"));
  }
}
