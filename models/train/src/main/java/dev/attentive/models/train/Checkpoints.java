package dev.attentive.models.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attentive.models.predict.Hyper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Training checkpoints, so a run can span sessions: every variable of the training graph (the
 * weights and Adam's moments and step powers, through TensorFlow's own saver) and the data position
 * (the step; the batch order follows from the seed). A checkpoint is written into {@code
 * step-N.part/}, renamed to {@code step-N/} when complete, and only then named in {@code latest}
 * (itself replaced by an atomic rename), so a run killed at any moment leaves the previous
 * checkpoint intact. Older checkpoints are deleted once the new one is named.
 *
 * @param every steps between checkpoints
 * @param resume continue from the latest checkpoint instead of from step 1
 */
public record Checkpoints(Path directory, int every, boolean resume) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LATEST = "latest";

  /**
   * What a checkpoint records besides the variables: where training was and what run it belongs to
   * (a resume with another model size, seed, batch size or dataset is refused).
   */
  public record State(int step, String hyper, long seed, int batchSize, int examples) {

    void requireSameRun(Hyper h, Trainer.Options options, int examplesNow) {
      if (!hyper.equals(h.toString())
          || seed != options.seed()
          || batchSize != options.batchSize()
          || examples != examplesNow) {
        throw new IllegalStateException(
            "the checkpoint is of another run ("
                + this
                + "), not of "
                + h
                + " seed "
                + options.seed()
                + " batch "
                + options.batchSize()
                + " on "
                + examplesNow
                + " windows");
      }
    }
  }

  /** The prefix TensorFlow's saver writes the variables of step {@code step} under. */
  public Path variablesPrefix(int step) {
    return directory.resolve("step-" + step).resolve("variables");
  }

  /** The latest complete checkpoint, if any. */
  public Optional<State> latest() {
    Path latest = directory.resolve(LATEST);
    if (!Files.isRegularFile(latest)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(latest).strip();
      return Optional.of(
          JSON.readValue(directory.resolve(name).resolve("state.json").toFile(), State.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void save(State state, Consumer<Path> saveVariables) {
    try {
      Files.createDirectories(directory);
      String name = "step-" + state.step();
      Path part = directory.resolve(name + ".part");
      Path done = directory.resolve(name);
      delete(part);
      delete(done);
      Files.createDirectories(part);
      saveVariables.accept(part.resolve("variables"));
      JSON.writeValue(part.resolve("state.json").toFile(), state);
      Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
      Path latest = directory.resolve(LATEST + ".part");
      Files.writeString(latest, name + "\n");
      Files.move(
          latest,
          directory.resolve(LATEST),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      try (Stream<Path> old = Files.list(directory)) {
        for (Path p : old.toList()) {
          String n = p.getFileName().toString();
          if (n.startsWith("step-") && !n.equals(name)) {
            delete(p);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a checkpoint into " + directory, e);
    }
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
