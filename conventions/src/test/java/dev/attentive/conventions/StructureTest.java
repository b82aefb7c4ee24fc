package dev.attentive.conventions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.rules.BraceCuddle;
import dev.attentive.conventions.rules.ControlBrace;
import dev.attentive.conventions.rules.Indentation;
import dev.attentive.conventions.rules.MethodBrace;
import dev.attentive.events.Convention;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The block structure on one file with most of Java's constructs (records, enums, switches ...).
 */
class StructureTest {

  private static String constructs() throws IOException {
    try (InputStream in = StructureTest.class.getResourceAsStream("/layout/Constructs.java.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Structure structure(String text) {
    return JavaSource.of("Point.java", text).lexical().structure();
  }

  @Test
  void measuresStatementsAndLeavesLabelsInitializersAndContinuationsAlone() throws IOException {
    String text = constructs();
    Structure s = structure(text);
    assertThat(s.clean()).isTrue();
    // a statement in a method, measured from the method's line
    assertThat(s.shape(40).indent()).isEqualTo(Structure.Indent.UNIT);
    assertThat(s.shape(40).reference()).isEqualTo(39);
    // text block lines; case labels of a switch expression and of a switch statement are only
    // compared with their siblings
    assertThat(s.shape(41).indent()).isEqualTo(Structure.Indent.NONE);
    assertThat(s.shape(45).indent()).isEqualTo(Structure.Indent.CASE);
    assertThat(s.shape(45).reference()).isEqualTo(44);
    assertThat(s.shape(57).indent()).isEqualTo(Structure.Indent.CASE);
    // a statement after a case label is measured from the label
    assertThat(s.shape(58).reference()).isEqualTo(57);
    // array initializer rows and a wrapped condition
    assertThat(s.shape(70).indent()).isEqualTo(Structure.Indent.NONE);
    assertThat(s.shape(87).indent()).isEqualTo(Structure.Indent.NONE);
    assertThat(s.shape(87).firstContinuation()).isTrue();
    // the second enum constant's body indents from that constant
    assertThat(s.shape(20).reference()).isEqualTo(19);
    // closing braces: as deep as the line that opened the block
    assertThat(s.shape(85).indent()).isEqualTo(Structure.Indent.SAME);
    assertThat(s.shape(85).reference()).isEqualTo(83);
    assertThat(s.cuddles())
        .extracting(Structure.Cuddle::keyword)
        .containsExactly("catch", "finally");
  }

  @Test
  void theFileConformsInEveryIndentationUnit() throws IOException {
    String four = constructs();
    assertThat(checkAll(new Indentation(), "4", four)).isEmpty();
    assertThat(checkAll(new Indentation(), "2", four.replace("    ", "  "))).isEmpty();
    assertThat(checkAll(new Indentation(), "tab", four.replace("    ", "\t"))).isEmpty();
    assertThat(checkAll(new ControlBrace(), "end-of-line", four)).isEmpty();
    assertThat(checkAll(new MethodBrace(), "end-of-line", four)).isEmpty();
    assertThat(checkAll(new BraceCuddle(), "same-line", four)).isEmpty();
  }

  @Test
  void bracesAreClassifiedByConstruct() throws IOException {
    Structure s = structure(constructs());
    assertThat(s.braces().stream().filter(b -> b.construct() == Structure.Construct.CONTROL))
        .extracting(Structure.Brace::line)
        .containsExactly(55, 56, 72, 75, 79, 81, 83);
    assertThat(s.braces().stream().filter(b -> b.construct() == Structure.Construct.METHOD))
        .extracting(Structure.Brace::line)
        .containsExactly(15, 21, 26, 30, 33, 39);
    assertThat(s.braces().stream().filter(b -> b.construct() == Structure.Construct.TYPE))
        .extracting(Structure.Brace::line)
        .containsExactly(7, 12);
  }

  @Test
  void anUnbalancedFileIsNotClean() {
    assertThat(structure("class A {\n  void f() {\n    g(;\n  }\n}\n").clean()).isFalse();
    assertThat(structure("class A {\n  }\n}\n").clean()).isFalse();
  }

  private static List<Deviation> checkAll(ConventionRule rule, String value, String text) {
    Set<Integer> all = new TreeSet<>();
    IntStream.rangeClosed(1, (int) text.lines().count()).forEach(all::add);
    Convention c = new Convention(rule.id(), value, 100, 0, 10, true, "evidence");
    return rule.check(JavaSource.of("A.java", text), c, null, Changes.added(all));
  }
}
