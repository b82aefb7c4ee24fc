package dev.attentive.conventions;

import dev.attentive.events.ProfileSample;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.StyleTools;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a repository's profile from its tree: chooses the sample ({@link Sampler}), reads it
 * through a {@link Reader} (GitHub blobs in ingest, files of a checkout in the CLI), detects the
 * declared tools and learns the conventions. The same steps everywhere, so {@code attentive profile
 * --repo DIR} shows what the service would learn from the same tree.
 */
public final class ProfileBuilder {

  /** Reads one file of the tree. */
  @FunctionalInterface
  public interface Reader {
    /**
     * @throws FileNotFoundException when the file is gone (the branch moved or disappeared): it is
     *     skipped with a note
     * @throws IOException when it cannot be read now: the profile fails
     */
    byte[] read(TreeEntry entry) throws IOException;
  }

  /** Share of sampled files that may vanish while reading before the profile is given up. */
  static final double MAX_VANISHED = 0.5;

  private final SampleBudget budget;
  private final ProfileLearner learner;

  public ProfileBuilder(SampleBudget budget, ProfileLearner learner) {
    this.budget = budget;
    this.learner = learner;
  }

  public static ProfileBuilder standard() {
    return new ProfileBuilder(SampleBudget.DEFAULT, ProfileLearner.standard());
  }

  public SampleBudget budget() {
    return budget;
  }

  /**
   * @param requestsBefore requests already spent on this profile (resolving the branch, the tree),
   *     counted in its sample
   * @param requestCounter how many requests the reader has made so far, read once at the end (for a
   *     checkout: {@code () -> 0})
   */
  public RepositoryProfile build(
      String repository,
      String defaultBranch,
      String sha,
      List<TreeEntry> tree,
      Reader reader,
      Instant now,
      java.util.function.IntSupplier requestCounter)
      throws IOException {
    Sampler.Sample sample = new Sampler(budget).choose(tree);
    List<String> notes = new ArrayList<>();
    List<SourceFile> files = new ArrayList<>();
    int skipped = 0;
    int vanished = 0;
    long bytes = 0;
    for (TreeEntry e : sample.java()) {
      byte[] content;
      try {
        content = reader.read(e);
      } catch (FileNotFoundException gone) {
        vanished++;
        skipped++;
        continue;
      }
      bytes += content.length;
      String text = text(content, budget.maxFileBytes());
      if (text == null) {
        skipped++;
        note(
            notes,
            e.path()
                + " is not UTF-8 Java text of at most "
                + budget.maxFileBytes()
                + " bytes; skipped");
        continue;
      }
      files.add(new SourceFile(e.path(), text));
    }
    if (!sample.java().isEmpty() && vanished > MAX_VANISHED * sample.java().size()) {
      throw new FileNotFoundException(
          vanished
              + " of "
              + sample.java().size()
              + " sampled files of "
              + repository
              + "@"
              + sha
              + " vanished while reading; the branch moved or was deleted");
    }
    if (vanished > 0) {
      notes.add(vanished + " sampled files vanished while reading (the branch moved)");
    }
    Map<String, String> toolFiles = new LinkedHashMap<>();
    for (TreeEntry e : sample.tools()) {
      try {
        byte[] content = reader.read(e);
        bytes += content.length;
        String text = text(content, budget.maxFileBytes());
        if (text != null) {
          toolFiles.put(e.path(), text);
        }
      } catch (FileNotFoundException gone) {
        // a build file that vanished says nothing; the others still count
      }
    }
    StyleTools tools = ToolDetector.detect(toolFiles, notes);
    ProfileLearner.Result learned = learner.learn(files);
    skipped += learned.skipped().size();
    learned.skipped().forEach(s -> note(notes, s));
    if (sample.javaFiles() == 0) {
      notes.add("no hand-written Java files in the default branch: nothing to learn");
    } else if (sample.javaFiles() > sample.java().size()) {
      notes.add(
          "sampled "
              + sample.java().size()
              + " of "
              + sample.javaFiles()
              + " Java files (budget: "
              + budget.maxFiles()
              + " files, "
              + budget.maxBytes() / 1024
              + " KiB)");
    }
    return new RepositoryProfile(
        RepositoryProfile.SCHEMA_VERSION,
        repository,
        defaultBranch,
        sha,
        now,
        new ProfileSample(
            sample.javaFiles(),
            learned.learned(),
            skipped,
            bytes,
            learned.lines(),
            requestCounter.getAsInt()),
        learned.conventions(),
        tools,
        notes);
  }

  private static void note(List<String> notes, String note) {
    if (notes.size() < ProfileLearner.MAX_FILE_NOTES) {
      notes.add(note);
    }
  }

  /** The content as text, or null when it is binary, not UTF-8, or over the cap. */
  static String text(byte[] content, long maxBytes) {
    if (content.length > maxBytes) {
      return null;
    }
    for (byte b : content) {
      if (b == 0) {
        return null;
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
