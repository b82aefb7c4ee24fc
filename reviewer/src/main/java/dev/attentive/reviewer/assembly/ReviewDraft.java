package dev.attentive.reviewer.assembly;

import dev.attentive.events.DiffManifest;
import dev.attentive.events.LineRange;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A review being assembled for one delivery: the manifest (once seen) and the outcomes of the
 * chunks seen so far. Kept in a changelogged state store, hence versioned.
 */
public record ReviewDraft(
    int schemaVersion,
    String deliveryId,
    DiffManifest manifest,
    Map<Integer, ChunkOutcome> outcomes,
    Instant firstSeen)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  public ReviewDraft {
    outcomes = new TreeMap<>(outcomes);
  }

  public static ReviewDraft start(String deliveryId, Instant now) {
    return new ReviewDraft(SCHEMA_VERSION, deliveryId, null, Map.of(), now);
  }

  public ReviewDraft with(ReviewPart part) {
    if (part.manifest() != null) {
      return new ReviewDraft(schemaVersion, deliveryId, part.manifest(), outcomes, firstSeen);
    }
    Map<Integer, ChunkOutcome> more = new TreeMap<>(outcomes);
    more.put(part.chunk().chunkIndex(), part.chunk()); // a replayed chunk replaces itself
    return new ReviewDraft(schemaVersion, deliveryId, manifest, more, firstSeen);
  }

  public boolean complete() {
    return manifest != null && outcomes.size() >= manifest.chunkCount();
  }

  /** The review: every suggestion, anchors per path, and notes on everything not reviewed. */
  public Review toReview(Instant now) {
    List<Suggestion> suggestions = new ArrayList<>();
    Map<String, List<LineRange>> anchors = new LinkedHashMap<>();
    java.util.Set<String> notes =
        new java.util.LinkedHashSet<>(); // the same note from every chunk: once
    java.util.Set<String> problems = new java.util.LinkedHashSet<>();
    Map<String, String> versions = new java.util.TreeMap<>();
    for (ChunkOutcome outcome : outcomes.values()) {
      versions.putAll(outcome.versions());
      suggestions.addAll(outcome.suggestions());
      anchors.put(outcome.path(), outcome.anchors());
      notes.addAll(outcome.notes());
      problems.addAll(outcome.settingsProblems());
    }
    RepositorySettings settings = manifest.settings();
    if (settings != null && !problems.isEmpty()) {
      // A configuration problem found while reviewing (a refused Checkstyle file) is said once, in
      // the publisher's configuration-problems comment with the file's other problems.
      notes.removeAll(problems);
      settings = settings.withProblems(problems);
    }
    suggestions.sort(
        Comparator.comparing(Suggestion::path).thenComparingInt(Suggestion::startLine));
    manifest.skipped().forEach(s -> notes.add("skipped " + s.path() + ": " + describe(s.reason())));
    if (manifest.truncated()) {
      notes.add(
          "GitHub listed only "
              + manifest.filesListed()
              + " changed files (its cap is 3,000); the rest was not"
              + " reviewed");
    }
    int missing = manifest.chunkCount() - outcomes.size();
    if (missing > 0) {
      notes.add(missing + " file(s) could not be read by the reviewer and were not reviewed");
    }
    return new Review(
        Review.SCHEMA_VERSION,
        deliveryId,
        manifest.repository(),
        manifest.pullRequestNumber(),
        manifest.baseSha(),
        manifest.headSha(),
        manifest.installationId(),
        manifest.trigger(),
        outcomes.size(),
        suggestions,
        anchors,
        List.copyOf(notes),
        now,
        settings == null ? null : settings.withoutCheckstyleXml(),
        versions);
  }

  private static String describe(DiffManifest.Reason reason) {
    return switch (reason) {
      case BINARY -> "binary file";
      case REMOVED -> "file removed";
      case IGNORED_PATH -> "path ignored (lock file, vendored or generated)";
      case GENERATED -> "marked as generated";
      case NO_PATCH -> "diff too large for GitHub to show";
      case UNPARSEABLE_PATCH -> "patch could not be parsed";
      case UNCHANGED -> "renamed without changes";
    };
  }
}
