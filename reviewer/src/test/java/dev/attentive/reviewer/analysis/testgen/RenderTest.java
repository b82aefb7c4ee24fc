package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Observed values become Java expressions that compile and mean the same value. */
class RenderTest {

  static final List<Object> VALUES =
      List.of(
          42,
          Integer.MIN_VALUE,
          -7L,
          Long.MIN_VALUE,
          (short) 3,
          (byte) -1,
          'q',
          '\'',
          '\u00e9',
          true,
          1.5,
          Double.NaN,
          Double.NEGATIVE_INFINITY,
          -0.25f,
          Float.NaN,
          "plain",
          "tab\tquote\" back\\slash\nnewline é",
          "",
          new int[] {1, -2},
          new String[] {"a", null},
          Arrays.asList(1, null, 3),
          List.of(),
          new LinkedHashSet<>(List.of("x", "y")),
          TimeUnit.SECONDS);

  @Test
  void rendersKindTypeAndExpression() {
    assertThat(Render.render(42)).isEqualTo("PRIM\tInteger\t42");
    assertThat(Render.render(-7L)).isEqualTo("PRIM\tLong\t-7L");
    assertThat(Render.render((short) 3)).isEqualTo("PRIM\tShort\t(short) 3");
    assertThat(Render.render(Double.NaN)).isEqualTo("PRIM\tDouble\tDouble.NaN");
    assertThat(Render.render("a\"b\n")).isEqualTo("STRING\tString\t\"a\\\"b\\n\"");
    assertThat(Render.render(null)).isEqualTo("NULL\t-\tnull");
    assertThat(Render.render(new int[] {1, -2})).isEqualTo("ARRAY\tint[]\tnew int[] {1, -2}");
    assertThat(Render.render(Arrays.asList(1, null)))
        .isEqualTo("LIST\tList\tjava.util.Arrays.asList(1, null)");
    assertThat(Render.render(TimeUnit.SECONDS))
        .isEqualTo("ENUM\tjava.util.concurrent.TimeUnit\tjava.util.concurrent.TimeUnit.SECONDS");
    assertThat(Render.render(new Object())).startsWith("OPAQUE\tjava.lang.Object\t");
    assertThat(Render.render(List.of(new Object()))).startsWith("OPAQUE\t");
  }

  @Test
  void everyRenderingCompilesToAnEqualValue(@TempDir Path dir) throws Exception {
    StringBuilder source =
        new StringBuilder(
            "public class Rendered {\n  public static Object[] values() {\n"
                + "    return new Object[] {\n");
    List<String> lines = new ArrayList<>();
    for (Object v : VALUES) {
      String[] r = Render.render(v).split("\t", 3);
      lines.add("      " + (r[0].equals("SET") ? "new java.util.HashSet<>(" + r[2] + ")" : r[2]));
    }
    source.append(String.join(",\n", lines)).append("\n    };\n  }\n}\n");
    Path file = Files.writeString(dir.resolve("Rendered.java"), source.toString());
    Path classes = dir.resolve("classes");
    assertThat(Compiler.compile(List.of(file), classes, List.of()).errors()).isEmpty();

    try (var loader = new java.net.URLClassLoader(new java.net.URL[] {classes.toUri().toURL()})) {
      Object[] back = (Object[]) loader.loadClass("Rendered").getMethod("values").invoke(null);
      for (int i = 0; i < VALUES.size(); i++) {
        Object expected = VALUES.get(i);
        if (expected instanceof int[] a) {
          assertThat((int[]) back[i]).containsExactly(a);
        } else if (expected instanceof Object[] a) {
          assertThat((Object[]) back[i]).containsExactly(a);
        } else {
          assertThat(back[i]).as(Render.render(expected)).isEqualTo(expected);
        }
      }
    }
  }
}
