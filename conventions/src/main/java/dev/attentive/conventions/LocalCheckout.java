package dev.attentive.conventions;

import dev.attentive.events.RepositoryProfile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A repository checked out on disk, as a tree and a reader for {@link ProfileBuilder}. */
public final class LocalCheckout {

  /** Most files listed: a checkout bigger than this is sampled from the first ones found. */
  static final int MAX_LISTED = 200_000;

  private final Path root;

  public LocalCheckout(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Every regular file under the root (no symbolic links followed), {@code .git} left out. */
  public List<TreeEntry> tree() throws IOException {
    List<TreeEntry> out = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              out.add(
                  new TreeEntry(
                      root.relativize(file).toString().replace('\\', '/'), attrs.size(), null));
            }
            return out.size() >= MAX_LISTED ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
          }
        });
    return out;
  }

  /**
   * The checkout's profile, learned as ingest learns a default branch's (same sample, budget and
   * rules); the branch and commit are {@code checkout} and {@code working-tree}.
   *
   * @param repository the name the profile carries
   */
  public RepositoryProfile profile(String repository) throws IOException {
    return ProfileBuilder.standard()
        .build(repository, "checkout", "working-tree", tree(), this::read, Instant.now(), () -> 0);
  }

  /** The checkout's directory name (what {@link #profile} is usually called with). */
  public String name() {
    return root.getFileName() == null ? root.toString() : root.getFileName().toString();
  }

  public byte[] read(TreeEntry entry) throws IOException {
    Path file = root.resolve(entry.path()).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileNotFoundException(entry.path());
    }
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new FileNotFoundException(entry.path());
    }
  }
}
