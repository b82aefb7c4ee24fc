package dev.attentive.models.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Libraries kept for an outside evaluation: never in training, validation or our own test split,
 * nor shaded inside another artifact we read. Refused by group:artifact, and any sources jar
 * holding one of their packages (anywhere in the path, which catches shaded copies such as {@code
 * foo/shaded/com/google/gson/}) is refused too.
 */
public final class ReservedLibraries {

  public static final Set<String> GROUP_ARTIFACTS =
      Set.of(
          "commons-lang:commons-lang",
          "org.apache.commons:commons-lang3",
          "commons-math:commons-math",
          "org.apache.commons:commons-math",
          "org.apache.commons:commons-math3",
          "commons-cli:commons-cli",
          "commons-codec:commons-codec",
          "commons-collections:commons-collections",
          "org.apache.commons:commons-collections4",
          "org.apache.commons:commons-compress",
          "org.apache.commons:commons-csv",
          "commons-jxpath:commons-jxpath",
          "com.fasterxml.jackson.core:jackson-core",
          "com.fasterxml.jackson.core:jackson-databind",
          "com.fasterxml.jackson.dataformat:jackson-dataformat-xml",
          "com.google.code.gson:gson",
          "org.jsoup:jsoup",
          "joda-time:joda-time",
          "org.jfree:jfreechart",
          "jfree:jfreechart",
          "com.google.javascript:closure-compiler",
          "com.google.javascript:closure-compiler-unshaded",
          "org.mockito:mockito-core");

  /** The packages of the reserved libraries, as jar paths. */
  public static final List<String> PACKAGE_PATHS =
      List.of(
          "org/apache/commons/lang/",
          "org/apache/commons/lang3/",
          "org/apache/commons/math/",
          "org/apache/commons/math3/",
          "org/apache/commons/cli/",
          "org/apache/commons/codec/",
          "org/apache/commons/collections/",
          "org/apache/commons/collections4/",
          "org/apache/commons/compress/",
          "org/apache/commons/csv/",
          "org/apache/commons/jxpath/",
          "com/fasterxml/jackson/core/",
          "com/fasterxml/jackson/databind/",
          "com/fasterxml/jackson/dataformat/xml/",
          "com/google/gson/",
          "org/jsoup/",
          "org/joda/time/",
          "org/jfree/",
          "com/google/javascript/jscomp/",
          "org/mockito/");

  /**
   * Repositories never mined (lower case {@code owner/name}): the reserved libraries' upstreams,
   * and bug benchmarks' own repositories, whose data and lists must not leak into what we train or
   * test on.
   */
  public static final Set<String> REPOSITORIES =
      Set.of(
          "apache/commons-lang",
          "apache/commons-math",
          "apache/commons-cli",
          "apache/commons-codec",
          "apache/commons-collections",
          "apache/commons-compress",
          "apache/commons-csv",
          "apache/commons-jxpath",
          "fasterxml/jackson-core",
          "fasterxml/jackson-databind",
          "fasterxml/jackson-dataformat-xml",
          "google/gson",
          "jhy/jsoup",
          "jodaorg/joda-time",
          "jfree/jfreechart",
          "google/closure-compiler",
          "mockito/mockito",
          // bug benchmarks
          "rjust/defects4j",
          "jkoppel/quixbugs",
          "bugs-dot-jar/bugs-dot-jar",
          "bears-bugs/bears-benchmark",
          "bugswarm/bugswarm",
          "bugswarm/bugswarm-dataset",
          "liuhuigmail/growingbugrepository",
          "mast-group/minesstubs",
          "mast-group/manysstubs4j");

  /**
   * Owners whose repositories are all benchmark material (Bugs.jar mirrors its projects under its
   * own organisation).
   */
  public static final Set<String> OWNERS = Set.of("bugs-dot-jar", "bears-bugs", "bugswarm");

  private ReservedLibraries() {}

  /**
   * Whether a repository must never be mined: {@code owner/name}, a GitHub URL or a clone URL, in
   * any case, with or without {@code .git}.
   */
  public static boolean isReservedRepository(String repository) {
    String name = repositoryName(repository);
    int slash = name.indexOf('/');
    return REPOSITORIES.contains(name) || (slash > 0 && OWNERS.contains(name.substring(0, slash)));
  }

  /** Throws when the repository is reserved; miners call this before reading anything. */
  public static void refuseIfReservedRepository(String repository) {
    if (isReservedRepository(repository)) {
      throw new ReservedLibraryException(
          repositoryName(repository)
              + " is reserved (an evaluation library's upstream or a bug benchmark) and is never"
              + " mined");
    }
  }

  /** {@code owner/name} in lower case from a name or a URL. */
  static String repositoryName(String repository) {
    String s = repository.strip().toLowerCase(java.util.Locale.ROOT);
    s = s.replaceFirst("^(https?://|git://|ssh://)?(git@)?(www\\.)?github\\.com[:/]", "");
    s = s.replaceFirst("\\.git$", "").replaceFirst("/+$", "");
    String[] parts = s.split("/");
    return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : s;
  }

  public static boolean isReserved(String groupId, String artifactId) {
    return GROUP_ARTIFACTS.contains(groupId + ":" + artifactId);
  }

  /**
   * Throws when the library is reserved; the dataset builder calls this before resolving anything.
   */
  public static void refuseIfReserved(Library library) {
    if (isReserved(library.groupId(), library.artifactId())) {
      throw new ReservedLibraryException(
          library.groupArtifact()
              + " is reserved for outside evaluation and is never"
              + " used for training, validation or testing");
    }
  }

  /** The first entry of the jar that lies in a reserved package (a shaded copy), if any. */
  public static Optional<String> shadedReservedEntry(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        for (String reserved : PACKAGE_PATHS) {
          if (name.startsWith(reserved) || name.contains("/" + reserved)) {
            return Optional.of(name);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Thrown when a reserved library is asked for. */
  public static final class ReservedLibraryException extends IllegalArgumentException {
    public ReservedLibraryException(String message) {
      super(message);
    }
  }
}
