package dev.attentive.models.cli;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.predict.BugFinder;
import dev.attentive.models.predict.Finding;
import dev.attentive.models.predict.Posting;
import dev.attentive.models.serve.DjlReviewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the model finds on some lines of a file, at the model's threshold unless told otherwise. */
final class FindCommand implements Command {

  @Override
  public String name() {
    return "find";
  }

  @Override
  public String usage() {
    return "find FILE.java --lines 10-12,20 [--model " + ModelPaths.SHIPPED + "] [--threshold 0.5]";
  }

  @Override
  public void run(Options options) throws Exception {
    Path file = Path.of(options.get("file", options.argument() != null ? options.argument() : ""));
    Set<Integer> lines = new TreeSet<>();
    for (String part : options.get("lines", "1-100000").split(",")) {
      String[] range = part.split("-");
      int from = Integer.parseInt(range[0].strip());
      int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
      for (int l = from; l <= to; l++) {
        lines.add(l);
      }
    }
    Path dir = options.path("model", ModelPaths.SHIPPED);
    try (DjlReviewModel model = new DjlReviewModel(dir, DjlReviewModel.Options.defaults())) {
      // --threshold replaces the calibrated thresholds with one for every kind, as the reviewer's
      // override does; the round trip follows the model unless --roundTrip says otherwise.
      Posting posting =
          options.values().containsKey("threshold")
              ? Posting.single(Double.parseDouble(options.get("threshold", "")))
              : model.info().posting();
      posting =
          posting.withRoundTrip(
              Boolean.parseBoolean(
                  options.get("roundTrip", Boolean.toString(model.info().roundTrip()))));
      List<Finding> findings =
          new BugFinder(model, 1000)
              .find(Files.readString(file), lines, AttentionProgram.DEFAULT, posting);
      System.out.printf("%s: %d finding(s) (%s)%n", file, findings.size(), posting);
      for (Finding f : findings) {
        System.out.printf(
            "  line %d (%s, %.3f): %s%n    -> %s%n    rested on %s%n",
            f.line(),
            f.rule(),
            f.confidence(),
            f.original().strip(),
            f.replacement().strip(),
            f.restedOn());
      }
    }
  }
}
