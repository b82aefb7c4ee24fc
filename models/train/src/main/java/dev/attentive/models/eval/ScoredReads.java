package dev.attentive.models.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What one model said on one split of the real fixes ({@link RealFixEvaluation.Scored}), flattened
 * to one record per finding and written once, so a per-repository fine-tune can be guarded on the
 * global validation set in milliseconds instead of running the model for minutes. Tied to the
 * model's version: a file for another model is refused by its readers.
 *
 * @param modelVersion the model that read the lines
 * @param split the real-fix split
 * @param releaseLinesPerFile the seeded sample of release lines per file
 * @param bugLines how many buggy lines were read (the fixes' changed lines)
 * @param correctLines how many correct lines were read (after-fix and release)
 * @param reads every finding at or above {@link RealFixEvaluation#LOWEST_THRESHOLD}
 */
public record ScoredReads(
    String modelVersion,
    String split,
    int releaseLinesPerFile,
    int bugLines,
    int correctLines,
    List<Finding> reads) {

  /** Where the committed reads of a model's split live. */
  public static final Path DIRECTORY = Path.of("models/train/corpus/real-fixes/reads");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One finding on a real line.
   *
   * @param file {@code source path} of the real file
   * @param bug true on a fix's buggy (changed) lines, false on correct code
   * @param exact the finding proposes the developer's fix
   * @param back the round trip's confidence reading the repaired line
   */
  public record Finding(
      String file,
      int line,
      String kind,
      double confidence,
      double back,
      boolean bug,
      boolean exact) {}

  public static Path file(Path directory, String modelVersion, String split) {
    return directory.resolve(modelVersion + "-" + split + ".json.gz");
  }

  /**
   * @param perFile the scores of each real file's fixes on their own (so release lines keep their
   *     file: {@link RealFixEvaluation#score} samples a file's release lines the same either way)
   */
  public static ScoredReads of(
      String modelVersion, String split, int release, List<RealFixEvaluation.Scored> perFile) {
    List<Finding> reads = new ArrayList<>();
    int bugLines = 0;
    int correctLines = 0;
    for (RealFixEvaluation.Scored scored : perFile) {
      correctLines += scored.correctLines();
      for (RealFixEvaluation.Bug b : scored.bugs()) {
        bugLines += Math.max(1, b.fix().removedLines());
        for (RealFixEvaluation.Read r : b.reads()) {
          boolean exact =
              b.fixedLine() != null
                  && r.finding().line() == b.line()
                  && RealFixEvaluation.normalised(r.finding().replacement())
                      .equals(RealFixEvaluation.normalised(b.fixedLine()));
          reads.add(finding(fileOf(b.fix()), r, true, exact));
        }
      }
      for (RealFixEvaluation.Fixing f : scored.fixings()) {
        f.reads().forEach(r -> reads.add(finding(fileOf(f.fix()), r, false, false)));
      }
      String file = scored.bugs().isEmpty() ? "" : fileOf(scored.bugs().get(0).fix());
      scored.release().forEach(r -> reads.add(finding(file, r, false, false)));
    }
    return new ScoredReads(modelVersion, split, release, bugLines, correctLines, reads);
  }

  private static String fileOf(dev.attentive.models.mining.RealFix fix) {
    return fix.source() + " " + fix.path();
  }

  private static Finding finding(
      String file, RealFixEvaluation.Read r, boolean bug, boolean exact) {
    return new Finding(
        file, r.finding().line(), r.kind(), r.finding().confidence(), r.back(), bug, exact);
  }

  public void write(Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path))) {
      JSON.writeValue(out, this);
    }
  }

  public static ScoredReads read(Path path) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(path))) {
      return JSON.readValue(in, ScoredReads.class);
    }
  }
}
