package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class BracePlacementTest {

  static final String END_OF_LINE =
      """
      class A {
          void f(int a) {
              if (a > 0) {
                  run(() -> {
                      go();
                  });
              }
              for (int i = 0; i < a; i++) {
                  step();
              }
          }
      }
      """;

  static final String NEXT_LINE =
      """
      class A
      {
          void f(int a)
          {
              if (a > 0)
              {
                  go();
              }
              while (a < 0)
              {
                  a++;
              }
          }
      }
      """;

  @Test
  void learnsPlacementPerConstruct() {
    Convention control = Layouts.learn(new ControlBrace(), END_OF_LINE, 25);
    assertThat(control.value()).isEqualTo("end-of-line");
    assertThat(control.follows()).isEqualTo(50);
    assertThat(control.enforced()).isTrue();
    assertThat(Layouts.learn(new MethodBrace(), END_OF_LINE, 50).follows()).isEqualTo(50);
    assertThat(Layouts.learn(new TypeBrace(), END_OF_LINE, 50).value()).isEqualTo("end-of-line");
    assertThat(Layouts.learn(new LambdaBrace(), END_OF_LINE, 50).value()).isEqualTo("end-of-line");

    Convention next = Layouts.learn(new ControlBrace(), NEXT_LINE, 25);
    assertThat(next.value()).isEqualTo("next-line");
    assertThat(next.enforced()).isTrue();
    assertThat(Layouts.learn(new MethodBrace(), NEXT_LINE, 50).value()).isEqualTo("next-line");
    assertThat(Layouts.learn(new TypeBrace(), NEXT_LINE, 50).value()).isEqualTo("next-line");
  }

  @Test
  void aBraceMovedToItsOwnLineIsJoinedBack() {
    String planted = END_OF_LINE.replace("        if (a > 0) {", "        if (a > 0)\n        {");
    assertThat(Layouts.check(new ControlBrace(), "end-of-line", planted, 3, 4))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(3);
              assertThat(d.endLine()).isEqualTo(4);
              assertThat(d.replacement()).isEqualTo("        if (a > 0) {");
            });
    // only the brace line added: a suggestion would have to change an unchanged line
    assertThat(Layouts.check(new ControlBrace(), "end-of-line", planted, 4)).isEmpty();
    // the method rule does not speak about an if
    assertThat(Layouts.check(new MethodBrace(), "end-of-line", planted, 3, 4)).isEmpty();

    String method = END_OF_LINE.replace("    void f(int a) {", "    void f(int a)\n    {");
    assertThat(Layouts.check(new MethodBrace(), "end-of-line", method, 2, 3))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("    void f(int a) {"));
  }

  @Test
  void aBraceAtTheEndOfTheLineIsSplitInANextLineRepository() {
    String planted = NEXT_LINE.replace("        if (a > 0)\n        {", "        if (a > 0) {");
    assertThat(Layouts.check(new ControlBrace(), "next-line", planted, 5))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("        if (a > 0)\n        {"));
    // a file with CRLF line ends gets a suggestion with CRLF between its lines
    assertThat(Layouts.check(new ControlBrace(), "next-line", planted.replace("\n", "\r\n"), 5))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("        if (a > 0)\r\n        {"));
  }

  @Test
  void conformingCodeAndCommentedHeadersAreLeftAlone() {
    assertThat(Layouts.checkAll(new ControlBrace(), "end-of-line", END_OF_LINE)).isEmpty();
    assertThat(Layouts.checkAll(new MethodBrace(), "end-of-line", END_OF_LINE)).isEmpty();
    assertThat(Layouts.checkAll(new TypeBrace(), "next-line", NEXT_LINE)).isEmpty();
    String commented =
        END_OF_LINE.replace("        if (a > 0) {", "        if (a > 0) // positive\n        {");
    assertThat(Layouts.checkAll(new ControlBrace(), "end-of-line", commented)).isEmpty();
  }
}
