package dev.attentive.local;

import dev.attentive.conventions.TreeEntry;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A release's {@code -sources.jar}, read like a checkout: its entries are the tree, read straight
 * from the jar (nothing is unpacked). Downloaded once from a Maven repository into a cache folder
 * and checked against the repository's SHA-1, so re-runs need no network.
 */
final class SourcesJar implements AutoCloseable {

  /** Largest entry read: sources jars hold hand-written code, not 100 MB files. */
  static final int MAX_ENTRY_BYTES = 8 << 20;

  private final ZipFile zip;

  SourcesJar(Path jar) throws IOException {
    this.zip = new ZipFile(jar.toFile(), StandardCharsets.UTF_8);
  }

  /** The cached jar of {@code group:artifact:version}, downloaded first when it is missing. */
  static Path fetch(String mavenRepo, Path cache, String group, String artifact, String version)
      throws IOException, InterruptedException {
    String relative =
        group.replace('.', '/')
            + "/"
            + artifact
            + "/"
            + version
            + "/"
            + artifact
            + "-"
            + version
            + "-sources.jar";
    Path jar = cache.resolve(relative);
    if (Files.isRegularFile(jar)) {
      return jar;
    }
    String base = mavenRepo.endsWith("/") ? mavenRepo : mavenRepo + "/";
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    Files.createDirectories(jar.getParent());
    // A name of its own, so that two runs filling the same cache do not write one file.
    Path part = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".part");
    try {
      HttpResponse<Path> got =
          http.send(
              HttpRequest.newBuilder(URI.create(base + relative))
                  .timeout(Duration.ofMinutes(2))
                  .build(),
              HttpResponse.BodyHandlers.ofFile(part));
      if (got.statusCode() != 200) {
        throw new FileNotFoundException(base + relative + ": HTTP " + got.statusCode());
      }
      HttpResponse<String> sha1 =
          http.send(
              HttpRequest.newBuilder(URI.create(base + relative + ".sha1"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (sha1.statusCode() == 200) {
        String expected = sha1.body().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
        String actual = sha1(part);
        if (!expected.equals(actual)) {
          throw new IOException(base + relative + ": SHA-1 " + actual + ", expected " + expected);
        }
      }
      Files.move(part, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part); // a failed or partial download leaves nothing behind
    }
    return jar;
  }

  /** Every file entry, as a tree for {@link dev.attentive.conventions.ProfileBuilder}. */
  List<TreeEntry> tree() {
    List<TreeEntry> out = new ArrayList<>();
    zip.stream()
        .filter(e -> !e.isDirectory())
        .forEach(e -> out.add(new TreeEntry(e.getName(), Math.max(0, e.getSize()), null)));
    return out;
  }

  byte[] read(TreeEntry entry) throws IOException {
    ZipEntry e = zip.getEntry(entry.path());
    if (e == null || e.isDirectory()) {
      throw new FileNotFoundException(entry.path());
    }
    try (InputStream in = zip.getInputStream(e)) {
      byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
      if (bytes.length > MAX_ENTRY_BYTES) {
        throw new IOException(entry.path() + " is larger than " + MAX_ENTRY_BYTES + " bytes");
      }
      return bytes;
    }
  }

  /**
   * The Java files, path to text (UTF-8; the few bytes that are not become U+FFFD, which changes
   * nothing about layout), in entry order.
   */
  Map<String, String> javaFiles() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (TreeEntry e : tree()) {
      if (e.path().endsWith(".java")) {
        out.put(e.path(), new String(read(e), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String sha1(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    zip.close();
  }
}
