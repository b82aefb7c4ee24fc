package dev.attentive.conventions.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The naming patterns the naming rules tell apart, each with how a name is rewritten into it. A
 * name may fit several (a one-word {@code count} is lowerCamel and lower_snake alike; {@code
 * mCount} is mPrefixed and lowerCamel).
 */
enum NamePattern {
  UPPER_SNAKE("UPPER_SNAKE", "[A-Z][A-Z0-9]*(_[A-Z0-9]+)*", null),
  UPPER_CAMEL("UpperCamel", "[A-Z][a-zA-Z0-9]*", null),
  LOWER_CAMEL("lowerCamel", "[a-z][a-zA-Z0-9]*", null),
  LOWER_SNAKE("lower_snake", "[a-z][a-z0-9]*(_[a-z0-9]+)*", null),
  /** Android's member prefix: a refinement of lowerCamel. */
  M_PREFIXED("mPrefixed", "m[A-Z][a-zA-Z0-9]*", LOWER_CAMEL),
  /** Android's static prefix: a refinement of lowerCamel. */
  S_PREFIXED("sPrefixed", "s[A-Z][a-zA-Z0-9]*", LOWER_CAMEL),
  UNDERSCORE_PREFIXED("_lowerCamel", "_[a-z][a-zA-Z0-9]*", null),
  /** JUnit 3 habit kept on annotated tests: a refinement of lowerCamel. */
  TEST_PREFIXED("testPrefixed", "test[A-Z0-9][a-zA-Z0-9]*", LOWER_CAMEL),
  /** {@code methodName_condition_expected}: words that cannot be rewritten reliably. */
  CAMEL_UNDERSCORED("camel_Underscored", "[a-z][a-zA-Z0-9]*(_[a-zA-Z0-9]+)+", null);

  private final String label;
  private final Pattern regex;
  private final NamePattern refines;

  NamePattern(String label, String regex, NamePattern refines) {
    this.label = label;
    this.regex = Pattern.compile(regex);
    this.refines = refines;
  }

  String label() {
    return label;
  }

  /** The broader pattern every name of this one also fits, or null. */
  NamePattern refines() {
    return refines;
  }

  boolean fits(String name) {
    if (this == CAMEL_UNDERSCORED) {
      // only names with an upper-case letter: plain lower_snake is its own pattern
      return regex.matcher(name).matches() && !name.equals(name.toLowerCase(Locale.ROOT));
    }
    return regex.matcher(name).matches();
  }

  static NamePattern ofLabel(String label) {
    for (NamePattern p : values()) {
      if (p.label.equals(label)) {
        return p;
      }
    }
    return null;
  }

  /**
   * {@code name} rewritten into this pattern (maxSize → MAX_SIZE, MAX_SIZE → maxSize, HTTPServer →
   * HTTP_SERVER), or null when that cannot be done reliably.
   */
  String convert(String name) {
    List<String> words = words(name);
    if (words.isEmpty()) {
      return null;
    }
    if (this != UPPER_SNAKE && this != LOWER_SNAKE) {
      for (String w : words.subList(1, words.size())) {
        if (Character.isDigit(w.charAt(0))) {
          return null; // murmur3_32 or UTF_8 in camel case loses the separator: unsure
        }
      }
    }
    String out =
        switch (this) {
          case UPPER_SNAKE -> String.join("_", words.stream().map(NamePattern::upper).toList());
          case LOWER_SNAKE -> String.join("_", words.stream().map(NamePattern::lower).toList());
          case UPPER_CAMEL -> upperCamel(words);
          case LOWER_CAMEL -> lowerCamel(words);
          case M_PREFIXED -> "m" + upperCamel(words);
          case S_PREFIXED -> "s" + upperCamel(words);
          case UNDERSCORE_PREFIXED -> "_" + lowerCamel(words);
          case TEST_PREFIXED ->
              lower(words.get(0)).equals("test") && words.size() > 1
                  ? lowerCamel(words)
                  : "test" + upperCamel(words);
          case CAMEL_UNDERSCORED -> null;
        };
    return out != null && fits(out) ? out : null;
  }

  /**
   * The words of a name: split on underscores and dollars, on camel humps (an acronym ends before
   * its last capital when a lower-case letter follows: HTTPServer → HTTP, Server); digits stay with
   * the word before them (utf8Bytes → utf8, Bytes). A one-letter prefix of the m/s/_ patterns is
   * dropped (mMaxSize → Max, Size) when the name fits it.
   */
  static List<String> words(String name) {
    String core = name;
    if (M_PREFIXED.fits(core) || S_PREFIXED.fits(core)) {
      core = core.substring(1);
    }
    List<String> out = new ArrayList<>();
    for (String part : core.split("[_$]+")) {
      int start = 0;
      for (int i = 1; i < part.length(); i++) {
        char prev = part.charAt(i - 1);
        char c = part.charAt(i);
        boolean hump = Character.isUpperCase(c) && !Character.isUpperCase(prev);
        boolean acronymEnd =
            Character.isUpperCase(prev)
                && Character.isUpperCase(c)
                && i + 1 < part.length()
                && Character.isLowerCase(part.charAt(i + 1));
        if (hump || acronymEnd) {
          out.add(part.substring(start, i));
          start = i;
        }
      }
      if (start < part.length()) {
        out.add(part.substring(start));
      }
    }
    return out;
  }

  private static String upper(String w) {
    return w.toUpperCase(Locale.ROOT);
  }

  private static String lower(String w) {
    return w.toLowerCase(Locale.ROOT);
  }

  private static String capital(String w) {
    String l = lower(w);
    return l.isEmpty() ? l : Character.toUpperCase(l.charAt(0)) + l.substring(1);
  }

  private static String upperCamel(List<String> words) {
    StringBuilder b = new StringBuilder();
    words.forEach(w -> b.append(capital(w)));
    return b.toString();
  }

  private static String lowerCamel(List<String> words) {
    StringBuilder b = new StringBuilder(lower(words.get(0)));
    words.subList(1, words.size()).forEach(w -> b.append(capital(w)));
    return b.toString();
  }
}
