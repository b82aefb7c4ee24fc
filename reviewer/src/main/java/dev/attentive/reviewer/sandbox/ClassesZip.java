package dev.attentive.reviewer.sandbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A classes directory as the zip a sandbox job carries, and back. Both ways are bounded: the
 * reviewer refuses to send more than the cap, and the worker, which trusts the reviewer but not the
 * code it compiled, unpacks only plain files below the target directory, within a size and count
 * limit.
 */
final class ClassesZip {

  /** What a worker unpacks at most (the classes of a few changed files, their probes and tests). */
  static final long MAX_UNPACKED_BYTES = 64L << 20;

  static final int MAX_ENTRIES = 10_000;

  /** Thrown when the classes do not fit into a job. */
  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  private ClassesZip() {}

  /** The files below {@code dir}, zipped with paths relative to it; at most {@code maxBytes}. */
  static byte[] zip(Path dir, int maxBytes) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(new Capped(bytes, maxBytes));
        Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /** Unpacks {@code zip} into the new directory {@code dir}. */
  static void unzip(byte[] zip, Path dir) throws IOException {
    Path root = Files.createDirectories(dir).toRealPath();
    long total = 0;
    int entries = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        if (++entries > MAX_ENTRIES) {
          throw new IOException("more than " + MAX_ENTRIES + " files in the job's classes");
        }
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new IOException("a file outside the classes directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
          total += copy(in, out, MAX_UNPACKED_BYTES - total);
        }
      }
    }
    if (entries == 0) {
      throw new IOException("the job's classes are empty or not a zip");
    }
  }

  /** Copies at most {@code left} bytes; more is an error. */
  private static long copy(InputStream in, OutputStream out, long left) throws IOException {
    byte[] buffer = new byte[8192];
    long copied = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      copied += n;
      if (copied > left) {
        throw new IOException(
            "the job's classes unpack to more than " + MAX_UNPACKED_BYTES + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return copied;
  }

  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort: a temporary directory
                }
              });
    } catch (IOException e) {
      // best effort
    }
  }

  /** Fails as soon as more than the cap is written. */
  private static final class Capped extends OutputStream {
    private final OutputStream out;
    private final int max;
    private long written;

    Capped(OutputStream out, int max) {
      this.out = out;
      this.max = max;
    }

    @Override
    public void write(int b) throws IOException {
      check(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      check(len);
      out.write(b, off, len);
    }

    private void check(int more) throws TooLarge {
      written += more;
      if (written > max) {
        throw new TooLarge(
            "the compiled classes do not fit into a sandbox job (more than "
                + max
                + " bytes zipped)");
      }
    }
  }
}
