package dev.attentive.models.mining;

import com.github.javaparser.ast.CompilationUnit;
import dev.attentive.models.corpus.ReservedLibraries;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;

/**
 * Single-statement changes between two consecutive releases of one library, from their {@code
 * -sources.jar}s: every Java source outside tests present in both is diffed line by line (as {@link
 * FixMiner} diffs commits), and each edit of at most {@link FixMiner#MAX_EDIT_LINES} lines a side
 * that lies inside one statement becomes a {@link RealFix} of the older file with that edit alone.
 * Release code is mostly correct code, so these are changes real developers made, not necessarily
 * fixes.
 */
public final class ReleaseChanges {

  /** One library's two releases. */
  public record Releases(String groupId, String artifactId, String older, String newer) {

    /** {@code group:artifact}, the records' source. */
    public String source() {
      return groupId + ":" + artifactId;
    }

    /** The file name stem of this library's changes. */
    public String stem() {
      return groupId + "+" + artifactId;
    }
  }

  /**
   * What was looked at, for the manifest.
   *
   * @param filesCompared Java sources in both jars (tests, module-info and package-info left out)
   * @param hunks edits between them
   * @param singleStatement edits that are one statement's (before the cap)
   * @param kept records written
   */
  public record Counts(int filesCompared, int hunks, int singleStatement, int kept) {}

  private ReleaseChanges() {}

  /**
   * @param cap at most this many records; when more qualify, a choice seeded by {@code seed}
   * @param out the records, by path and line
   */
  public static Counts mine(
      Releases releases, Path olderJar, Path newerJar, int cap, long seed, Consumer<RealFix> out)
      throws IOException {
    if (ReservedLibraries.isReserved(releases.groupId(), releases.artifactId())) {
      throw new ReservedLibraries.ReservedLibraryException(
          releases.source() + " is reserved for outside evaluation and is never mined");
    }
    for (Path jar : List.of(olderJar, newerJar)) {
      Optional<String> shaded = ReservedLibraries.shadedReservedEntry(jar);
      if (shaded.isPresent()) {
        throw new ReservedLibraries.ReservedLibraryException(
            jar.getFileName() + " contains " + shaded.get() + ", a reserved library's package");
      }
    }
    Map<String, String> older = sources(olderJar);
    Map<String, String> newer = sources(newerJar);
    int files = 0;
    int hunks = 0;
    List<RealFix> candidates = new ArrayList<>();
    for (Map.Entry<String, String> file : older.entrySet()) {
      String after = newer.get(file.getKey());
      if (after == null) {
        continue;
      }
      files++;
      String before = file.getValue();
      if (before.equals(after)) {
        continue;
      }
      EditList edits = FixMiner.edits(before, after);
      hunks += edits.size();
      List<Edit> small = edits.stream().filter(FixMiner::small).toList();
      if (small.isEmpty()) {
        continue;
      }
      Optional<CompilationUnit> old = SingleStatementChange.parse(before);
      Optional<CompilationUnit> now = SingleStatementChange.parse(after);
      if (old.isEmpty() || now.isEmpty()) {
        continue;
      }
      List<String> afterLines = after.lines().toList();
      for (Edit e : small) {
        RealFixes.fromEdit(
                releases.source(),
                releases.newer(),
                releases.older(),
                file.getKey(),
                "",
                before,
                afterLines,
                old.get(),
                now.get(),
                e)
            .ifPresent(candidates::add);
      }
    }
    int singleStatement = candidates.size();
    Collections.shuffle(candidates, new Random(seed));
    List<RealFix> kept = new ArrayList<>();
    for (RealFix candidate : candidates) {
      if (kept.size() == cap) {
        break;
      }
      // The older file with this edit alone must still be a one-statement change of it (another
      // edit of the same statement may be needed for the edit to make sense); what is kept is
      // exactly what a commit making this edit would give.
      RealFixes.fromVersions(
              candidate.source(),
              candidate.commit(),
              candidate.parent(),
              candidate.path(),
              "",
              candidate.before(),
              candidate.after())
          .ifPresent(kept::add);
    }
    kept.sort(Comparator.comparing(RealFix::path).thenComparingInt(RealFix::line));
    kept.forEach(out);
    return new Counts(files, hunks, singleStatement, kept.size());
  }

  /**
   * The jar's Java sources outside tests, by path, as strict UTF-8 text under {@link
   * FixMiner#MAX_FILE_BYTES} (others are left out, as the miner leaves them out of commits).
   */
  static Map<String, String> sources(Path jar) throws IOException {
    Map<String, String> sources = new TreeMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String path = entry.getName();
        String file = path.substring(path.lastIndexOf('/') + 1);
        if (entry.isDirectory()
            || !path.endsWith(".java")
            || file.equals("module-info.java")
            || file.equals("package-info.java")
            || FixMiner.isTest(path)
            || entry.getSize() > FixMiner.MAX_FILE_BYTES) {
          continue;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = in.readNBytes(FixMiner.MAX_FILE_BYTES + 1);
        }
        if (bytes.length > FixMiner.MAX_FILE_BYTES) {
          continue;
        }
        // not UTF-8: left out, as the miner leaves such blobs out
        FixMiner.strictUtf8(bytes).ifPresent(text -> sources.put(path, text));
      }
    }
    return sources;
  }
}
