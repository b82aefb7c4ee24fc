package dev.attentive.conventions.rules;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.JavaLines;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.Structure;
import dev.attentive.conventions.Tally;
import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code style/line-length}: the repository's line limit. Value: the smallest of 80, 100, 120, 132,
 * 140, 150, 160, 180 and 200 columns that at least 99.7 % of its code lines fit (a tab counts as
 * {@value #TAB_WIDTH} columns); the evidence adds the 95th and 99th percentiles. Lines with a
 * string literal or a URL, import and package lines, and lines inside comments or text blocks are
 * neither counted nor flagged (they are long for reasons a wrap does not fix). Enforced when at
 * least {@link Dominance#DEFAULT}'s occurrences and files were seen and some limit fits.
 *
 * <p>A changed line over the limit is rewritten by wrapping it at the last break point before the
 * limit at the lowest nesting depth (after a comma, before {@code &&}, {@code ||}, {@code +},
 * {@code ?}, {@code :} or a chained {@code .}), continuation lines indented by the repository's
 * continuation indent ({@code style/indent/continuation} when enforced, else two indentation
 * units); no replacement when there is no safe break.
 */
public final class LineLength implements ConventionRule {

  public static final String ID = "style/line-length";
  static final int TAB_WIDTH = 4;
  static final int[] LIMITS = {80, 100, 120, 132, 140, 150, 160, 180, 200};
  static final double FIT = 0.997;
  private static final int MAX_PIECES = 4;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    for (JavaLines.Line line : file.lexical().lines()) {
      if (measured(line) && !file.lexical().structure().verbatim(line.number())) {
        tally.add(String.format(Locale.ROOT, "%05d", width(line.text())));
      }
    }
  }

  /** Whether a line says something about the limit (see the class comment). */
  static boolean measured(JavaLines.Line line) {
    if (line.start() != JavaLines.Start.CODE || line.noCode()) {
      return false;
    }
    String code = line.code().strip();
    return !code.startsWith("import ")
        && !code.startsWith("package ")
        && code.indexOf('"') < 0
        && !line.text().contains("://");
  }

  /**
   * Whether a changed line may be flagged: as {@link #measured}, except that a line with string
   * literals is flagged when it is over the limit even with every literal emptied (then the code,
   * not the text, makes it long; the wrap never breaks inside a literal).
   */
  static boolean flaggable(JavaLines.Line line) {
    if (measured(line)) {
      return true;
    }
    if (line.start() != JavaLines.Start.CODE || line.noCode() || line.text().contains("://")) {
      return false;
    }
    String code = line.code().strip();
    if (code.startsWith("import ") || code.startsWith("package ") || code.contains("\"\"\"")) {
      return false;
    }
    return true;
  }

  /** The width of a line with the contents of its string and char literals removed. */
  static int codeWidth(JavaLines.Line line) {
    return width(line.code().replaceAll("\"_*\"", "\"\"").replaceAll("'_*'", "''"));
  }

  static int width(String text) {
    int w = 0;
    for (int i = 0; i < text.length(); i++) {
      w += text.charAt(i) == '\t' ? TAB_WIDTH - w % TAB_WIDTH : 1;
    }
    return w;
  }

  @Override
  public Convention conclude(Tally tally) {
    long total = tally.total();
    if (total == 0) {
      return new Convention(ID, null, 0, 0, 0, false, "not observed in the sample");
    }
    int limit = -1;
    long fits = 0;
    for (int candidate : LIMITS) {
      long within = within(tally, candidate);
      if (within >= FIT * total) {
        limit = candidate;
        fits = within;
        break;
      }
    }
    String percentiles =
        " (95 % of them within "
            + percentile(tally, 0.95)
            + ", 99 % within "
            + percentile(tally, 0.99)
            + " columns)";
    if (limit < 0) {
      return new Convention(
          ID,
          null,
          0,
          total,
          tally.files(),
          false,
          "this repository has no line limit: more than 0.3 % of its code lines are over 200 columns"
              + percentiles);
    }
    boolean enough =
        total >= Dominance.DEFAULT.minOccurrences()
            && tally.files() >= Dominance.DEFAULT.minFiles();
    return new Convention(
        ID,
        Integer.toString(limit),
        fits,
        total - fits,
        tally.files(),
        enough,
        Dominance.evidence(
                "keeps lines within " + limit + " columns",
                fits,
                total,
                "code lines",
                tally.files())
            + percentiles);
  }

  private static long within(Tally tally, int limit) {
    long n = 0;
    for (Map.Entry<String, Long> e : tally.counts().entrySet()) {
      if (Integer.parseInt(e.getKey()) <= limit) {
        n += e.getValue();
      }
    }
    return n;
  }

  private static String percentile(Tally tally, double share) {
    long total = tally.total();
    long seen = 0;
    for (Map.Entry<String, Long> e : tally.counts().entrySet()) {
      seen += e.getValue();
      if (seen >= share * total) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(Integer.parseInt(e.getKey()));
      }
    }
    return "?";
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    if (convention.value() == null || !convention.value().matches("\\d+")) {
      return List.of();
    }
    int limit = Integer.parseInt(convention.value());
    Optional<String> continuation = continuation(profile);
    Structure structure = file.lexical().structure();
    List<Deviation> out = new ArrayList<>();
    for (int n : changes.added()) {
      if (n > file.lineCount()) {
        continue;
      }
      JavaLines.Line line = file.lexical().line(n);
      // a line made long by its literals (the code alone fits) is left alone: a wrap won't fix it
      boolean longForItsLiterals = !measured(line) && codeWidth(line) <= limit;
      if (!flaggable(line)
          || width(line.text()) <= limit
          || longForItsLiterals
          || structure.verbatim(n)) {
        continue;
      }
      String replacement = null;
      if (continuation.isPresent() && structure.clean()) {
        String indent =
            structure.shape(n).statementStart()
                ? line.indent() + continuation.get()
                : line.indent();
        replacement =
            wrap(
                line.text().stripTrailing(),
                line.code(),
                wrapWidth(convention, limit),
                indent,
                file.crlf() ? "\r\n" : "\n");
      }
      out.add(
          new Deviation(
              ID,
              n,
              n,
              "Line is " + width(line.text()) + " columns long; " + convention.evidence() + ".",
              replacement));
    }
    return out;
  }

  private static final java.util.regex.Pattern P99 =
      java.util.regex.Pattern.compile("99 % within ([0-9,]+) columns");

  /**
   * Where a formatter would have wrapped: the smallest standard limit that 99 % of the lines fit
   * (from the evidence), at most the limit. A repository formatted to 80 columns keeps a few
   * unbreakable lines up to 100; its wrapped lines break before 80.
   */
  static int wrapWidth(Convention convention, int limit) {
    java.util.regex.Matcher m = P99.matcher(String.valueOf(convention.evidence()));
    if (!m.find()) {
      return limit;
    }
    int p99 = Integer.parseInt(m.group(1).replace(",", ""));
    for (int candidate : LIMITS) {
      if (candidate >= p99) {
        return Math.min(candidate, limit);
      }
    }
    return limit;
  }

  /** The continuation indent: the enforced convention, else two indentation units. */
  static Optional<String> continuation(RepositoryProfile profile) {
    Optional<String> enforced =
        profile
            .convention(ContinuationIndent.ID)
            .filter(Convention::enforced)
            .flatMap(c -> ContinuationIndent.continuation(c.value()));
    if (enforced.isPresent()) {
      return enforced;
    }
    return profile
        .convention(Indentation.ID)
        .filter(Convention::enforced)
        .flatMap(c -> Indentation.unitText(c.value()))
        .map(u -> u.repeat(2));
  }

  /**
   * {@code text} in lines of at most {@code limit} columns, continuation lines starting with {@code
   * indent}; null when no safe break exists.
   */
  static String wrap(String text, String code, int limit, String indent, String newline) {
    List<String> pieces = new ArrayList<>();
    String t = text;
    String c = code.length() >= text.length() ? code.substring(0, text.length()) : code;
    while (width(t) > limit) {
      if (pieces.size() == MAX_PIECES) {
        return null;
      }
      int at = breakPoint(t, c, limit);
      if (at < 0) {
        return null;
      }
      pieces.add(t.substring(0, at).stripTrailing());
      int lead = at;
      while (lead < t.length() && Character.isWhitespace(t.charAt(lead))) {
        lead++;
      }
      t = indent + t.substring(lead);
      c = indent + c.substring(lead);
    }
    pieces.add(t);
    return String.join(newline, pieces);
  }

  /** Where the next line starts: the last break point that fits, at the lowest depth. */
  static int breakPoint(String text, String code, int limit) {
    int start = 0;
    while (start < code.length() && Character.isWhitespace(code.charAt(start))) {
      start++;
    }
    List<int[]> candidates = new ArrayList<>(); // {position, depth}
    int depth = 0;
    int generic = 0;
    for (int i = start; i < code.length(); i++) {
      char ch = code.charAt(i);
      char prev = i > 0 ? code.charAt(i - 1) : ' ';
      char next = i + 1 < code.length() ? code.charAt(i + 1) : ' ';
      switch (ch) {
        case '(', '[', '{' -> depth++;
        case ')', ']', '}' -> depth--;
        case '<' -> {
          if (Character.isJavaIdentifierPart(prev)
              && (Character.isJavaIdentifierStart(next) || next == '?' || next == '>')) {
            generic++;
          }
        }
        case '>' -> {
          if (generic > 0 && prev != '-') {
            generic--;
          }
        }
        case ',' -> {
          if (generic == 0) {
            candidates.add(new int[] {i + 1, depth});
          }
        }
        case '&', '|' -> {
          if (next == ch && prev == ' ' && i + 2 < code.length() && code.charAt(i + 2) == ' ') {
            candidates.add(new int[] {i, depth});
          }
        }
        case '+', '?', ':' -> {
          if (prev == ' ' && next == ' ' && generic == 0) {
            candidates.add(new int[] {i, depth});
          }
        }
        case '.' -> {
          if (prev == ')' && next != '.') {
            candidates.add(new int[] {i, depth});
          }
        }
        default -> {}
      }
    }
    int best = -1;
    int bestDepth = Integer.MAX_VALUE;
    for (int[] cand : candidates) {
      int at = cand[0];
      if (at <= start + 1 || text.substring(at).isBlank()) {
        continue;
      }
      if (width(text.substring(0, at).stripTrailing()) > limit) {
        continue;
      }
      if (cand[1] < bestDepth || (cand[1] == bestDepth && at > best)) {
        best = at;
        bestDepth = cand[1];
      }
    }
    return best;
  }
}
