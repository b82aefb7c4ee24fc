package dev.attentive.reviewer;

import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.style.StyleAnalyzer;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place analyzers are put together, used by the stream and by the command line alike: a new analyzer is
 * registered here and both pick it up.
 */
public final class Analyzers {

  public static final List<String> KNOWN = List.of("style");

  private Analyzers() {}

  public static List<Analyzer> create(List<String> ids, StyleConfig style) {
    List<Analyzer> analyzers = new ArrayList<>();
    for (String id : ids) {
      switch (id.strip()) {
        case "style" -> analyzers.add(new StyleAnalyzer(style));
        case "" -> { }
        default -> throw new IllegalArgumentException("unknown analyzer '" + id + "'; known: " + KNOWN);
      }
    }
    return List.copyOf(analyzers);
  }
}
