package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class AnnotationPlacementTest {

  private static final String OWN_LINE =
      """
      @Immutable
      final class A {
        @Override
        public String toString() {
          return "";
        }

        @Deprecated
        @Override
        public int hashCode() {
          return 0;
        }

        @SuppressWarnings("unchecked") void f() {}

        @Nullable String g() {
          return null;
        }

        @Inject private String field;
      }
      """;

  @Test
  void countsMarkerAnnotationsBeforeTheDeclarationOnly() {
    Convention methods = Learn.from(new MethodAnnotations(), 10, OWN_LINE);
    // toString and hashCode; f has an argument, g a type-use annotation
    assertThat(methods.follows()).isEqualTo(20);
    assertThat(methods.value()).isEqualTo("own-line");
    assertThat(methods.enforced()).isTrue();
    assertThat(methods.evidence())
        .isEqualTo(
            "this repository puts annotations of methods on their own lines: 20 of 20 annotated"
                + " methods in 10 sampled files");
    assertThat(Learn.from(new TypeAnnotations(), 20, OWN_LINE).value()).isEqualTo("own-line");
    assertThat(Learn.from(new FieldAnnotations(), 20, OWN_LINE).value()).isEqualTo("same-line");
  }

  @Test
  void anAnnotationOnTheDeclarationsLineIsSplitAtItsIndent() {
    String text = "class A {\n    @Override @Deprecated public String toString() {\n    }\n}\n";
    var found =
        Learn.check(
            new MethodAnnotations(),
            Learn.enforced(MethodAnnotations.ID, "own-line"),
            text,
            Learn.lines(2));
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(2);
              assertThat(d.endLine()).isEqualTo(2);
              assertThat(d.replacement())
                  .isEqualTo("    @Override\n    @Deprecated\n    public String toString() {");
            });
  }

  @Test
  void annotationsOnTheirOwnLinesAreJoinedWhenAllLinesAreNew() {
    String text = "class A {\n  @Override\n  @Deprecated\n  public String toString() {\n  }\n}\n";
    Convention sameLine = Learn.enforced(MethodAnnotations.ID, "same-line");
    assertThat(Learn.check(new MethodAnnotations(), sameLine, text, Learn.lines(2, 3, 4)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(2);
              assertThat(d.endLine()).isEqualTo(4);
              assertThat(d.replacement())
                  .isEqualTo("  @Override @Deprecated public String toString() {");
            });
    // only the declaration line changed: the annotations above it were kept, nothing to say
    assertThat(Learn.check(new MethodAnnotations(), sameLine, text, Learn.lines(4))).isEmpty();
  }

  @Test
  void mixedPlacementsAreNeverRewritten() {
    String text = "class A {\n  @Override\n  @Deprecated public String toString() {\n  }\n}\n";
    assertThat(
            Learn.check(
                new MethodAnnotations(),
                Learn.enforced(MethodAnnotations.ID, "own-line"),
                text,
                Learn.all(text)))
        .isEmpty();
  }
}
