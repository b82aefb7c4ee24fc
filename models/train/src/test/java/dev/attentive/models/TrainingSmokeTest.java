package dev.attentive.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Example;
import dev.attentive.models.predict.Hyper;
import dev.attentive.models.train.Batches;
import dev.attentive.models.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * "Can it overfit one batch?" — the check that catches wrong gradients (a rising or flat loss)
 * before a long run. A tiny model sees the same 16 windows, half with a planted marker token whose
 * position it must point at and whose repair is a class or a pointer.
 */
class TrainingSmokeTest {

  @Test
  void aTinyModelOverfitsOneBatchOnBothHeads() {
    Hyper hyper = new Hyper(40, 6, 24, 32, 2, 64, 2);
    Random random = new Random(7);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      int length = 10 + random.nextInt(10);
      int[] ids = new int[length];
      int[] features = new int[length];
      // Every token is on the line in question (a candidate for the bug).
      java.util.Arrays.fill(features, AttentionProgram.ADDED);
      ids[0] = 1;
      for (int p = 1; p < length; p++) {
        ids[p] = 3 + random.nextInt(30);
      }
      if (i % 2 == 0) {
        int at = 1 + random.nextInt(length - 1);
        ids[at] = 39;
        int[] repair = i % 4 == 0 ? new int[] {i % 6} : new int[] {6 + (at == 1 ? 2 : 1)};
        examples.add(new Example(ids, features, at, repair, "planted", "test"));
      } else {
        examples.add(new Example(ids, features, 0, new int[0], "clean", "test"));
      }
    }
    Batches.Batch batch = Batches.pad(examples, hyper.repairClasses(), AttentionProgram.DEFAULT);
    try (Trainer trainer = new Trainer(hyper, new Trainer.Options(1, 16, 0.005f, 1, 1000))) {
      double before = trainer.loss(batch);
      for (int step = 0; step < 150; step++) {
        trainer.step(batch);
      }
      double after = trainer.loss(batch);
      assertThat(before).isGreaterThan(2.0);
      assertThat(after).isLessThan(before * 0.1);
    }
  }
}
