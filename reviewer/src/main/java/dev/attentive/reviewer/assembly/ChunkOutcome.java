package dev.attentive.reviewer.assembly;

import dev.attentive.events.LineRange;
import dev.attentive.events.Suggestion;
import java.util.List;

/**
 * What the analyzers made of one chunk: its suggestions, the new-side lines where comments can
 * anchor, notes on what went wrong (an analyzer that failed), and problems with the repository's
 * configuration found while reviewing it (a Checkstyle file refused).
 */
public record ChunkOutcome(
    String deliveryId,
    String path,
    int chunkIndex,
    List<Suggestion> suggestions,
    List<LineRange> anchors,
    List<String> notes,
    List<String> settingsProblems) {

  public ChunkOutcome {
    suggestions = List.copyOf(suggestions);
    anchors = List.copyOf(anchors);
    notes = List.copyOf(notes);
    // drafts stored before the field existed read it as null
    settingsProblems = settingsProblems == null ? List.of() : List.copyOf(settingsProblems);
  }

  public ChunkOutcome(
      String deliveryId,
      String path,
      int chunkIndex,
      List<Suggestion> suggestions,
      List<LineRange> anchors,
      List<String> notes) {
    this(deliveryId, path, chunkIndex, suggestions, anchors, notes, List.of());
  }
}
