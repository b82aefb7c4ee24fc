package dev.attentive.reviewer.assembly;

import dev.attentive.events.LineRange;
import dev.attentive.events.Suggestion;
import java.util.List;
import java.util.Map;

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
    List<String> settingsProblems,
    Map<String, String> versions) {

  public ChunkOutcome {
    // analyzer id -> version of what made its suggestions; drafts stored before it read null
    versions = versions == null ? Map.of() : Map.copyOf(versions);
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
    this(deliveryId, path, chunkIndex, suggestions, anchors, notes, List.of(), Map.of());
  }

  public ChunkOutcome(
      String deliveryId,
      String path,
      int chunkIndex,
      List<Suggestion> suggestions,
      List<LineRange> anchors,
      List<String> notes,
      List<String> settingsProblems) {
    this(deliveryId, path, chunkIndex, suggestions, anchors, notes, settingsProblems, Map.of());
  }
}
