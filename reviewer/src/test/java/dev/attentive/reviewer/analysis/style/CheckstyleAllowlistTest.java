package dev.attentive.reviewer.analysis.style;

import static org.assertj.core.api.Assertions.assertThat;

import com.puppycrawl.tools.checkstyle.meta.ModuleDetails;
import com.puppycrawl.tools.checkstyle.meta.XmlMetaReader;
import dev.attentive.reviewer.analysis.style.CheckstyleAllowlist.Module;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The allowlist covers Checkstyle as it is: every module it offers is decided (so an upgrade that
 * adds one fails here until someone classifies it), every property of an allowed module is either
 * allowed or refused for a stated reason, and docs/security.md lists the same modules.
 */
class CheckstyleAllowlistTest {

  @Test
  void everyModuleCheckstyleOffersIsEitherAllowedOrRefused() {
    Set<String> offered = new TreeSet<>();
    for (ModuleDetails module : XmlMetaReader.readAllModulesIncludingThirdPartyIfAny()) {
      offered.add(module.getFullQualifiedName());
    }
    offered.add("com.puppycrawl.tools.checkstyle.Checker");
    offered.add("com.puppycrawl.tools.checkstyle.TreeWalker");
    Set<String> decided = new TreeSet<>();
    CheckstyleAllowlist.ALLOWED.values().forEach(m -> decided.add(m.className()));
    CheckstyleAllowlist.REFUSED.values().forEach(m -> decided.add(m.className()));

    assertThat(offered).hasSizeGreaterThan(200);
    assertThat(decided).as("the table names exactly Checkstyle's modules").isEqualTo(offered);
    assertThat(CheckstyleAllowlist.ALLOWED.keySet())
        .doesNotContainAnyElementsOf(CheckstyleAllowlist.REFUSED.keySet());
  }

  @Test
  void namesResolveAsCheckstyleResolvesThem() {
    Module methodName = CheckstyleAllowlist.ALLOWED.get("MethodName");
    assertThat(CheckstyleAllowlist.module("MethodName")).isSameAs(methodName);
    assertThat(CheckstyleAllowlist.module("MethodNameCheck")).isSameAs(methodName);
    assertThat(
            CheckstyleAllowlist.module(
                "com.puppycrawl.tools.checkstyle.checks.naming.MethodNameCheck"))
        .isSameAs(methodName);
    assertThat(CheckstyleAllowlist.module("SuppressionFilter"))
        .isSameAs(CheckstyleAllowlist.REFUSED.get("SuppressionFilter"));
    assertThat(CheckstyleAllowlist.module("com.evil.MethodNameCheck")).isNull();
    assertThat(
            CheckstyleAllowlist.module("com.puppycrawl.tools.checkstyle.checks.naming.EvilCheck"))
        .isNull();
    assertThat(CheckstyleAllowlist.module("methodname")).isNull();
  }

  /**
   * Every property of every allowed module, with a harmless value: allowed, or refused with a
   * reason. Free-text properties are allowed only by name; this lists those refused, so that a
   * Checkstyle upgrade adding one shows up here as a decision to make (refused until then).
   */
  @Test
  void everyPropertyOfAnAllowedModuleIsDecided() throws Exception {
    Set<String> refusedText = new TreeSet<>();
    Set<String> refusedOther = new TreeSet<>();
    int allowed = 0;
    for (Module module : CheckstyleAllowlist.ALLOWED.values()) {
      Class<?> type = Class.forName(module.className());
      for (Map.Entry<String, Class<?>> property : CheckstyleAllowlist.setters(type).entrySet()) {
        String problem = CheckstyleAllowlist.propertyProblem(type, property.getKey(), "x");
        if (problem == null) {
          allowed++;
        } else if (property.getValue() == String.class || property.getValue() == String[].class) {
          refusedText.add(property.getKey());
        } else {
          assertThat(problem)
              .as(module.name() + "." + property.getKey())
              .startsWith("is refused: it ");
          refusedOther.add(property.getKey() + ":" + property.getValue().getSimpleName());
        }
      }
    }
    assertThat(allowed).isGreaterThan(500);
    assertThat(refusedText).containsExactlyInAnyOrder("basedir", "cacheFile");
    assertThat(refusedOther)
        .containsExactlyInAnyOrder(
            "headerFile:URI",
            "fileContents:FileContents",
            "messageDispatcher:MessageDispatcher",
            "moduleClassLoader:ClassLoader",
            "moduleFactory:ModuleFactory",
            "upChild:Configuration");
  }

  @Test
  void inertTypesAreAllowedAndLocationsAreNot() throws Exception {
    Class<?> header = Class.forName("com.puppycrawl.tools.checkstyle.checks.header.HeaderCheck");
    assertThat(CheckstyleAllowlist.setters(header)).containsEntry("headerFile", URI.class);
    assertThat(CheckstyleAllowlist.propertyProblem(header, "headerFile", "x")).contains("refused");
    assertThat(CheckstyleAllowlist.propertyProblem(header, "header", "// Copyright")).isNull();
    assertThat(CheckstyleAllowlist.propertyProblem(header, "nope", "x"))
        .isEqualTo("does not exist");
    Class<?> methodName =
        Class.forName("com.puppycrawl.tools.checkstyle.checks.naming.MethodNameCheck");
    assertThat(CheckstyleAllowlist.setters(methodName)).containsEntry("format", Pattern.class);
    assertThat(CheckstyleAllowlist.propertyProblem(methodName, "format", "^[a-z]+$")).isNull();
  }

  @Test
  void xpathQueriesMayOnlyComputeOnTheTree() {
    assertThat(
            CheckstyleAllowlist.xpathProblem(
                "//METHOD_DEF[./IDENT[not(starts-with(@text, 'doc('))]]"
                    + "[count(./*) = 1 or preceding-sibling::*[last()][self::LCURLY]] | //SLIST[ends-with(@text, \"x\"\"y\")]"))
        .isNull();
    assertThat(CheckstyleAllowlist.xpathProblem("//A[if (true()) then text() else node()]"))
        .isNull();
    assertThat(CheckstyleAllowlist.xpathProblem("//A[unparsed-text-lines('x')]"))
        .contains("unparsed-text-lines()");
    assertThat(CheckstyleAllowlist.xpathProblem("//A[json-doc('x')]")).contains("json-doc()");
    assertThat(
            CheckstyleAllowlist.xpathProblem(
                "//A[parse-xml('<!DOCTYPE a SYSTEM \"http://x\"><a/>')]"))
        .contains("parse-xml()");
    assertThat(CheckstyleAllowlist.xpathProblem("//A[let $f := doc#1 return $f('x')]"))
        .contains("references");
    assertThat(CheckstyleAllowlist.xpathProblem("//A[(function($u) { 1 })('x')]"))
        .contains("function()");
    assertThat(CheckstyleAllowlist.xpathProblem("//A['unclosed]")).contains("not a well-formed");
    assertThat(CheckstyleAllowlist.xpathProblem("//A (: unclosed ")).contains("not a well-formed");
    assertThat(CheckstyleAllowlist.xpathProblem("//A[(: (: nested :) doc :) doc('x')]"))
        .contains("doc()");
  }

  @Test
  void theSecurityDocumentListsEveryModuleOfTheTable() throws Exception {
    String doc = Files.readString(securityDoc());
    String section = doc.substring(doc.indexOf("## Repository Checkstyle configurations"));
    List<String> missing = new ArrayList<>();
    Set<String> names = new HashSet<>(CheckstyleAllowlist.ALLOWED.keySet());
    names.addAll(CheckstyleAllowlist.REFUSED.keySet());
    for (String name : names) {
      if (!Pattern.compile("\\b" + name + "\\b").matcher(section).find()) {
        missing.add(name);
      }
    }
    assertThat(missing).as("modules missing from docs/security.md").isEmpty();
    assertThat(section)
        .contains(CheckstyleAllowlist.ALLOWED.size() + " allowed")
        .contains(CheckstyleAllowlist.REFUSED.size() + " refused");
  }

  /** docs/security.md of this repository, found from the module's folder upwards. */
  static Path securityDoc() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path doc = dir.resolve("docs/security.md");
      if (Files.isRegularFile(doc) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return doc;
      }
    }
    throw new AssertionError("docs/security.md not found above " + Path.of("").toAbsolutePath());
  }
}
