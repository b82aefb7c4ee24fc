package dev.attentive.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attentive.models.mining.FixMiner;
import dev.attentive.models.mining.RealFix;
import dev.attentive.models.mining.RepositoryList;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Mines single-statement bug fixes from clones of the listed repositories, one gzipped JSON-lines
 * file per repository plus a manifest line with the HEAD mined; a repository already mined at the
 * same HEAD is skipped, so an interrupted run resumes.
 */
final class MineCommand implements Command {

  static final Path LIST = Path.of("models/train/corpus/real-fixes/repositories.txt");

  @Override
  public String name() {
    return "mine";
  }

  @Override
  public String usage() {
    return "mine --clones DIR [--list "
        + LIST
        + "] [--out models/train/corpus/real-fixes]   (DIR/OWNER+NAME is a clone, bare or not,"
        + " or DIR/OWNER+NAME/repo)";
  }

  @Override
  public void run(Options options) throws Exception {
    RepositoryList list = RepositoryList.read(options.path("list", LIST));
    String clonesOption = options.get("clones", "");
    Path clones = Path.of(clonesOption);
    if (clonesOption.isBlank()) {
      throw new IllegalArgumentException("--clones DIR is required: " + usage());
    }
    Path out = options.path("out", LIST.getParent());
    Files.createDirectories(out);
    ObjectMapper json = new ObjectMapper();
    for (RepositoryList.Entry entry : list.entries()) {
      Path dir = clone(clones, entry);
      if (dir == null) {
        System.out.printf(
            "%-40s no clone under %s: git clone --bare %s%n",
            entry.name(), clones, entry.cloneUrl());
        continue;
      }
      try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir(dir)).build()) {
        String head = repo.resolve("HEAD").name();
        Path file = out.resolve(entry.stem() + ".jsonl.gz");
        Path headFile = out.resolve(entry.stem() + ".head");
        if (Files.exists(file)
            && Files.exists(headFile)
            && Files.readString(headFile).strip().startsWith(head)) {
          System.out.printf("%-40s already mined at %s%n", entry.name(), head);
          continue;
        }
        long start = System.nanoTime();
        Path part = out.resolve(entry.stem() + ".jsonl.gz.part");
        FixMiner.Counts counts;
        try (BufferedWriter w =
            new BufferedWriter(
                new OutputStreamWriter(
                    new GZIPOutputStream(Files.newOutputStream(part)), StandardCharsets.UTF_8))) {
          counts =
              FixMiner.mine(
                  repo,
                  entry.name(),
                  (RealFix fix) -> {
                    try {
                      w.write(json.writeValueAsString(fix));
                      w.write('\n');
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
            headFile,
            String.format(
                "%s %s commits=%d fix-messages=%d one-java-file=%d fixes=%d%n",
                head,
                entry.cloneUrl(),
                counts.commits(),
                counts.fixMessages(),
                counts.oneJavaFile(),
                counts.fixes()));
        System.out.printf(
            "%-40s %s: %,d commits, %,d speak of a fix, %,d change one Java source, %,d"
                + " single-statement fixes (%.0f s)%n",
            entry.name(),
            head.substring(0, 12),
            counts.commits(),
            counts.fixMessages(),
            counts.oneJavaFile(),
            counts.fixes(),
            (System.nanoTime() - start) / 1e9);
      }
    }
  }

  private static Path clone(Path clones, RepositoryList.Entry entry) {
    for (Path candidate :
        new Path[] {
          clones.resolve(entry.stem()).resolve("repo"),
          clones.resolve(entry.stem()),
          clones.resolve(entry.stem() + ".git")
        }) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static java.io.File gitDir(Path dir) {
    return Files.isDirectory(dir.resolve(".git")) ? dir.resolve(".git").toFile() : dir.toFile();
  }
}
