package dev.attentive.models.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Example;
import dev.attentive.models.predict.Hyper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run can span sessions: a tiny model trained 6 steps with checkpoints, then resumed to 12 in a
 * new trainer, ends where 12 steps in one go end (same weights, so the Adam moments and the data
 * position were restored, not only the weights).
 */
class CheckpointsTest {

  static final Hyper HYPER = new Hyper(40, 6, 24, 16, 2, 32, 1);

  @TempDir Path dir;

  static List<Example> examples() {
    Random random = new Random(3);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int length = 8 + random.nextInt(8);
      int[] ids = new int[length];
      int[] features = new int[length];
      Arrays.fill(features, AttentionProgram.ADDED);
      ids[0] = 1;
      for (int p = 1; p < length; p++) {
        ids[p] = 3 + random.nextInt(30);
      }
      if (i % 2 == 0) {
        int at = 1 + random.nextInt(length - 1);
        ids[at] = 39;
        examples.add(new Example(ids, features, at, new int[] {i % 6}, "planted", "test"));
      } else {
        examples.add(new Example(ids, features, 0, new int[0], "clean", "test"));
      }
    }
    return examples;
  }

  static Trainer.Options steps(int steps) {
    return new Trainer.Options(steps, 8, 0.01f, 11, 1000);
  }

  @Test
  void aResumedRunContinuesFromTheSavedStepAndEndsWhereAnUninterruptedRunEnds() throws Exception {
    List<Example> data = examples();
    Map<String, float[]> straight;
    try (Trainer trainer = new Trainer(HYPER, steps(12))) {
      trainer.train(data, AttentionProgram.DEFAULT);
      straight = trainer.weights();
    }

    Checkpoints checkpoints = new Checkpoints(dir, 3, false);
    Map<String, float[]> atSix;
    try (Trainer first = new Trainer(HYPER, steps(6))) {
      first.train(data, AttentionProgram.DEFAULT, checkpoints);
      atSix = first.weights();
    }
    assertThat(checkpoints.latest()).get().extracting(Checkpoints.State::step).isEqualTo(6);
    // Only the latest checkpoint is kept, and no half-written one.
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("latest", "step-6");
    }

    Map<String, float[]> resumed;
    try (Trainer second = new Trainer(HYPER, steps(12))) {
      second.train(data, AttentionProgram.DEFAULT, new Checkpoints(dir, 3, true));
      resumed = second.weights();
    }
    // Steps 7..12 really ran: the weights moved on from step 6's.
    String some = atSix.keySet().iterator().next();
    assertThat(resumed.get(some)).isNotEqualTo(atSix.get(some));
    assertThat(new Checkpoints(dir, 3, true).latest())
        .get()
        .extracting(Checkpoints.State::step)
        .isEqualTo(12);
    for (String name : straight.keySet()) {
      float[] a = straight.get(name);
      float[] b = resumed.get(name);
      for (int i = 0; i < a.length; i++) {
        assertThat(b[i]).as(name + "[" + i + "]").isCloseTo(a[i], within(1e-4f));
      }
    }
  }

  @Test
  void aCheckpointOfAnotherRunIsRefused() {
    List<Example> data = examples();
    try (Trainer first = new Trainer(HYPER, steps(3))) {
      first.train(data, AttentionProgram.DEFAULT, new Checkpoints(dir, 3, false));
    }
    try (Trainer other = new Trainer(HYPER, new Trainer.Options(6, 4, 0.01f, 11, 1000))) {
      assertThatThrownBy(
              () -> other.train(data, AttentionProgram.DEFAULT, new Checkpoints(dir, 3, true)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("another run");
    }
  }
}
