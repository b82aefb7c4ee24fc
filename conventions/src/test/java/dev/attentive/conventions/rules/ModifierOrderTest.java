package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class ModifierOrderTest {

  @Test
  void learnsTheJlsOrderFromDeclarationsWithSeveralModifiers() {
    String text =
        "public final class A {\n  private static final int X = 1;\n  protected abstract void f();\n"
            + "  int plain;\n  private int one;\n}\n";
    Convention c = Learn.from(new ModifierOrder(), 10, text);
    assertThat(c.value()).isEqualTo("jls");
    assertThat(c.follows()).isEqualTo(30);
    assertThat(c.enforced()).isTrue();
  }

  @Test
  void aNewDeclarationOutOfOrderIsReordered() {
    String text =
        "class A {\n  private final static int X = 1;\n  final protected int y = 2;\n"
            + "  static @Deprecated public int z;\n}\n";
    Convention jls = Learn.enforced(ModifierOrder.ID, "jls");
    assertThat(Learn.check(new ModifierOrder(), jls, text, Learn.lines(2)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.replacement()).isEqualTo("  private static final int X = 1;");
              assertThat(d.message()).startsWith("Modifiers `private final static` out of order");
            });
    assertThat(Learn.check(new ModifierOrder(), jls, text, Learn.lines(3)))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("  protected final int y = 2;"));
    // an annotation between the modifiers: no safe rewrite
    assertThat(Learn.check(new ModifierOrder(), jls, text, Learn.lines(4))).isEmpty();
    assertThat(
            Learn.check(
                new ModifierOrder(),
                Learn.enforced(ModifierOrder.ID, "other"),
                text,
                Learn.all(text)))
        .isEmpty();
  }
}
