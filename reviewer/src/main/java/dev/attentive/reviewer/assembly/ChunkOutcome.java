package dev.attentive.reviewer.assembly;

import dev.attentive.events.LineRange;
import dev.attentive.events.Suggestion;
import java.util.List;

/**
 * What the analyzers made of one chunk: its suggestions, the new-side lines where comments can
 * anchor, and notes on what went wrong (an analyzer that failed).
 */
public record ChunkOutcome(
    String deliveryId,
    String path,
    int chunkIndex,
    List<Suggestion> suggestions,
    List<LineRange> anchors,
    List<String> notes) {

  public ChunkOutcome {
    suggestions = List.copyOf(suggestions);
    anchors = List.copyOf(anchors);
    notes = List.copyOf(notes);
  }
}
