package dev.attentive.reviewer;

import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.model.ModelAnalyzer;
import dev.attentive.reviewer.analysis.model.ModelConfig;
import dev.attentive.reviewer.analysis.style.StyleAnalyzer;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import dev.attentive.reviewer.analysis.style.TeamStyleAnalyzer;
import dev.attentive.reviewer.analysis.testgen.SandboxRunner;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer;
import dev.attentive.reviewer.analysis.testgen.TestsConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place analyzers are put together, used by the stream and by the command line alike: a new
 * analyzer is registered here and both pick it up.
 */
public final class Analyzers {

  public static final List<String> KNOWN = List.of("style", "tests", "model");

  private Analyzers() {}

  /**
   * As {@link #create(List, StyleConfig, TestsConfig)} with the tests analyzer's defaults
   * (execution off).
   */
  public static List<Analyzer> create(List<String> ids, StyleConfig style) {
    return create(ids, style, TestsConfig.defaults());
  }

  /**
   * As {@link #create(List, StyleConfig, TestsConfig, ModelConfig)} with the model's serving
   * defaults.
   */
  public static List<Analyzer> create(List<String> ids, StyleConfig style, TestsConfig tests) {
    return create(ids, style, tests, ModelConfig.defaults());
  }

  /**
   * The analyzers by id; the attention model is loaded only when "model" is among them.
   *
   * @param style the rule set (Checkstyle and/or google-java-format) the operator enforces on every
   *     repository, or null for none: then only the repository's own conventions, and the rule set
   *     it declares itself, review its style
   */
  public static List<Analyzer> create(
      List<String> ids, StyleConfig style, TestsConfig tests, ModelConfig model) {
    return create(ids, style, tests, model, null);
  }

  /**
   * As {@link #create(List, StyleConfig, TestsConfig, ModelConfig)}, the tests analyzer's sandboxed
   * runs going to {@code sandbox} (null: a local bubblewrap sandbox).
   */
  public static List<Analyzer> create(
      List<String> ids,
      StyleConfig style,
      TestsConfig tests,
      ModelConfig model,
      SandboxRunner sandbox) {
    List<Analyzer> analyzers = new ArrayList<>();
    for (String id : ids) {
      switch (id.strip()) {
        case "style" ->
            analyzers.add(
                new TeamStyleAnalyzer(style == null ? null : new StyleAnalyzer(style), true));
        case "tests" -> analyzers.add(new TestAnalyzer(tests, sandbox));
        case "model" -> analyzers.add(ModelAnalyzer.load(model));
        case "" -> {}
        default ->
            throw new IllegalArgumentException("unknown analyzer '" + id + "'; known: " + KNOWN);
      }
    }
    return List.copyOf(analyzers);
  }
}
