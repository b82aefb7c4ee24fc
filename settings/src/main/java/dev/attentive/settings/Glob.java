package dev.attentive.settings;

import com.google.re2j.Pattern;
import java.util.Optional;

/**
 * A path glob with the syntax of {@link java.nio.file.FileSystem#getPathMatcher} ({@code *} within
 * a name, {@code **} across names, {@code ?}, {@code [a-z]}, {@code [!a-z]}, {@code {a,b}}, {@code
 * \} escapes) matched by RE2J, whose time is linear in the path. The JDK's matcher compiles globs
 * to backtracking regular expressions: a repository's {@code **a**a**a**a**a**!} took over a second
 * on an 85-character path and minutes on a 125-character one.
 */
public final class Glob {

  /** Longest glob a repository may configure. */
  public static final int MAX_LENGTH = 200;

  /** Most runs of {@code *} (each {@code *} or {@code **}) a repository's glob may hold. */
  public static final int MAX_WILDCARDS = 5;

  private final String text;
  private final Pattern pattern;

  private Glob(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /**
   * @throws IllegalArgumentException for a glob that is not well formed, saying why
   */
  public static Glob compile(String glob) {
    return new Glob(glob, Pattern.compile(toRegex(glob), Pattern.DOTALL));
  }

  /** Whether the whole of {@code path} matches. */
  public boolean matches(String path) {
    return pattern.matches(path);
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Why a repository's glob is refused (not well formed, or over the size and complexity limits),
   * or empty when it is accepted.
   */
  public static Optional<String> problem(String glob) {
    if (glob.length() > MAX_LENGTH) {
      return Optional.of("longer than " + MAX_LENGTH + " characters");
    }
    int wildcards = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '*' && (i == 0 || glob.charAt(i - 1) != '*')) {
        wildcards++;
      }
    }
    if (wildcards > MAX_WILDCARDS) {
      return Optional.of("more than " + MAX_WILDCARDS + " `*` or `**` wildcards");
    }
    try {
      toRegex(glob);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** The JDK's glob-to-regex translation (sun.nio.fs.Globs), in RE2 syntax. */
  static String toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    boolean inGroup = false;
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      switch (c) {
        case '\\' -> {
          if (i == glob.length()) {
            throw new IllegalArgumentException("no character to escape at the end");
          }
          literal(regex, glob.charAt(i++));
        }
        case '/' -> regex.append('/');
        case '[' -> i = characterClass(glob, i, regex);
        case '{' -> {
          if (inGroup) {
            throw new IllegalArgumentException("groups `{}` cannot nest");
          }
          regex.append("(?:(?:");
          inGroup = true;
        }
        case '}' -> {
          if (inGroup) {
            regex.append("))");
            inGroup = false;
          } else {
            literal(regex, c);
          }
        }
        case ',' -> {
          if (inGroup) {
            regex.append(")|(?:");
          } else {
            literal(regex, c);
          }
        }
        case '*' -> {
          if (i < glob.length() && glob.charAt(i) == '*') {
            regex.append(".*");
            i++;
          } else {
            regex.append("[^/]*");
          }
        }
        case '?' -> regex.append("[^/]");
        default -> literal(regex, c);
      }
    }
    if (inGroup) {
      throw new IllegalArgumentException("missing `}`");
    }
    return regex.toString();
  }

  /** A {@code [...]} class from just after its {@code [}; returns the index after its {@code ]}. */
  private static int characterClass(String glob, int i, StringBuilder regex) {
    StringBuilder cls = new StringBuilder("[");
    if (i < glob.length() && glob.charAt(i) == '!') {
      // A negated class never matches the name separator either.
      cls.append("^/");
      i++;
    }
    boolean empty = true;
    char last = 0;
    boolean hasRangeStart = false;
    while (i < glob.length()) {
      char c = glob.charAt(i++);
      if (c == ']' && !empty) {
        regex.append(cls).append(']');
        return i;
      }
      empty = false;
      if (c == '/') {
        throw new IllegalArgumentException("`/` inside `[]`");
      }
      if (c == '-' && hasRangeStart && i < glob.length() && glob.charAt(i) != ']') {
        char end = glob.charAt(i++);
        if (end < last) {
          throw new IllegalArgumentException("invalid range " + last + "-" + end);
        }
        if (last < '/' && end >= '/') {
          throw new IllegalArgumentException("range " + last + "-" + end + " spans `/`");
        }
        cls.append('-');
        literal(cls, end);
        hasRangeStart = false;
      } else {
        literal(cls, c);
        last = c;
        hasRangeStart = true;
      }
    }
    throw new IllegalArgumentException("missing `]`");
  }

  /** One character matched as itself: RE2 reads a backslash before ASCII punctuation as literal. */
  private static void literal(StringBuilder regex, char c) {
    if (c < 128 && !Character.isLetterOrDigit(c)) {
      regex.append('\\');
    }
    regex.append(c);
  }
}
