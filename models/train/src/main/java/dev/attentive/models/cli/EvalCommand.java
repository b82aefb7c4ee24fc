package dev.attentive.models.cli;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.corpus.Library;
import dev.attentive.models.data.Dataset;
import dev.attentive.models.serve.DjlReviewModel;
import dev.attentive.models.train.Evaluator;
import java.nio.file.Path;
import java.time.Duration;

/** The held-out test libraries' numbers for a model at its own calibrated threshold. */
final class EvalCommand implements Command {

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String usage() {
    return "eval [--model " + ModelPaths.SHIPPED + "]";
  }

  @Override
  public void run(Options options) throws Exception {
    Dataset data = DatasetCache.load(options);
    Path dir = options.path("model", ModelPaths.SHIPPED);
    try (DjlReviewModel model =
        new DjlReviewModel(dir, new DjlReviewModel.Options(1, 32, Duration.ofMillis(5), "cpu"))) {
      double threshold = model.info().threshold();
      System.out.printf("model %s, shipped threshold %.3f%n", dir, threshold);
      String testLibraries =
          String.join(
              ", ",
              Library.readList(options.path("libraries", ModelPaths.LIBRARIES)).stream()
                  .filter(l -> l.split() == Library.Split.TEST)
                  .map(Library::artifactId)
                  .toList());
      System.out.println("test libraries (" + testLibraries + "):");
      System.out.print(
          Evaluator.report(Evaluator.score(model, data.test(), AttentionProgram.DEFAULT), threshold)
              .describe());
    }
  }
}
