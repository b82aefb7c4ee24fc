package dev.attentive.models.train;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Example;
import dev.attentive.models.predict.ReviewModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** Groups examples of similar length into padded batches (less padding, faster steps). */
public final class Batches {

  /** One padded batch, row-major. */
  public record Batch(
      int size,
      int length,
      int[] ids,
      int[] mask,
      int[] types,
      float[] bias,
      float[] locationTarget,
      float[] repairTarget,
      int repairWidth,
      List<Example> examples) {}

  private Batches() {}

  public static List<List<Example>> plan(List<Example> examples, int batchSize, Random random) {
    List<Example> shuffled = new ArrayList<>(examples);
    Collections.shuffle(shuffled, random);
    List<List<Example>> batches = new ArrayList<>();
    int pool = batchSize * 64;
    for (int start = 0; start < shuffled.size(); start += pool) {
      List<Example> chunk =
          new ArrayList<>(shuffled.subList(start, Math.min(shuffled.size(), start + pool)));
      chunk.sort(Comparator.comparingInt(e -> e.ids().length));
      for (int b = 0; b + batchSize <= chunk.size(); b += batchSize) {
        batches.add(chunk.subList(b, b + batchSize));
      }
    }
    Collections.shuffle(batches, random);
    return batches;
  }

  public static Batch pad(List<Example> examples, int repairClasses, AttentionProgram program) {
    int n = examples.size();
    int length = 0;
    for (Example e : examples) {
      length = Math.max(length, e.ids().length);
    }
    int width = repairClasses + length;
    int[] ids = new int[n * length];
    int[] mask = new int[n * length];
    int[] types = new int[n * length];
    float[] bias = new float[n * length];
    float[] location = new float[n * length];
    float[] repair = new float[n * width];
    for (int i = 0; i < n; i++) {
      Example e = examples.get(i);
      float[] programBias = ReviewModel.Input.programBias(e.features(), program);
      int[] typeIds = e.typesOrNone();
      for (int p = 0; p < e.ids().length; p++) {
        ids[i * length + p] = e.ids()[p];
        mask[i * length + p] = 1;
        types[i * length + p] = typeIds[p];
        bias[i * length + p] = programBias[p];
      }
      location[i * length + e.location()] = 1f;
      for (int r : e.repairs()) {
        // Pointers are stored as classes + position: the same index in a row of width classes +
        // length.
        repair[i * width + r] = 1f;
      }
    }
    return new Batch(n, length, ids, mask, types, bias, location, repair, width, examples);
  }
}
