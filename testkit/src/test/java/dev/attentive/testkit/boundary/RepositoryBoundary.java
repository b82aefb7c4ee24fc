package dev.attentive.testkit.boundary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds references to paths outside the repository in its sources, tests, scripts, build files and
 * documents: a fresh clone must build and test with nothing beside it, and CI (which has a folder
 * of shared material beside its checkout) would not notice otherwise.
 *
 * <p>Reported, with file and line: the folder of shared material beside the checkout ({@code
 * shared} reached with {@code ..}, or its {@code fixtures}), absolute paths into home or workspace
 * folders (the folders {@code work}, {@code root} and {@code home} at the top of the file system),
 * and relative paths whose leading {@code ..} segments climb above the repository root from the
 * file's own folder. Nothing is exempt: there is no list of allowed files or lines.
 */
final class RepositoryBoundary {

  /** A reference that leaves the repository. {@code line} is 1-based. */
  record Finding(Path file, int line, String reason, String text) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + reason + ": " + text.strip();
    }
  }

  private static final Set<String> EXTENSIONS =
      Set.of(
          "java",
          "xml",
          "properties",
          "yml",
          "yaml",
          "sh",
          "md",
          "tpl",
          "txt",
          "json",
          "patch",
          "conf",
          "config",
          "gradle",
          "kts",
          "toml",
          "cfg",
          "env");

  /** Folders whose every text file is a script or setting, whatever its name. */
  private static final Set<String> SCRIPT_FOLDERS = Set.of("bin", ".ci", ".mvn", ".github");

  private static final Set<String> NEVER_SCANNED = Set.of(".git", "target");
  // Written in pieces so that this file does not report itself.
  private static final String UP = "..";
  private static final String SHARED = "shared";
  private static final List<Rule> RULES =
      List.of(
          new Rule(
              Pattern.compile(Pattern.quote(UP + "/" + SHARED)),
              "the shared folder beside the checkout"),
          new Rule(
              Pattern.compile(Pattern.quote(SHARED + "/fixtures")), "the shared folder's fixtures"),
          // an absolute path, not a URL's path: nothing path-like or word-like right before the
          // slash
          new Rule(
              Pattern.compile("(?<![\\w.~/\\-])/(?:work|root|home)/"),
              "an absolute path outside the repository"));

  /**
   * A relative path's leading {@code ..} segments: starting a token, then {@code /} or the token's
   * end.
   */
  private static final Pattern CLIMB =
      Pattern.compile("(?<=^|[\\s\"'`(=:,<>\\[{])(\\.\\.(?:/\\.\\.)*)(?=/|$|[\\s\"'`)\\]}<>,;])");

  private record Rule(Pattern pattern, String reason) {}

  private final Path root;

  RepositoryBoundary(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The repository root above {@code start}: the first folder upwards holding a {@code .git} entry
   * (a folder, or a worktree's file) or the parent POM ({@code artifactId} attentive-parent, not as
   * its {@code <parent>}).
   */
  static Path rootAbove(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git")) || isParentPom(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no repository root above " + start);
  }

  private static boolean isParentPom(Path pom) {
    if (!Files.isRegularFile(pom)) {
      return false;
    }
    try {
      String text = Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "");
      return text.contains("<artifactId>attentive-parent</artifactId>");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every finding in the repository's text files, by file then line. */
  List<Finding> scan() throws IOException {
    Set<String> ignored = ignoredFolders();
    List<Finding> findings = new ArrayList<>();
    for (Path file : files(ignored)) {
      findings.addAll(scan(file));
    }
    return findings;
  }

  /** The findings in one file (relative to the root in the findings). */
  List<Finding> scan(Path file) throws IOException {
    Path relative = root.relativize(file.toAbsolutePath().normalize());
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
    } catch (CharacterCodingException e) {
      return List.of(); // not text
    }
    int depth = relative.getNameCount() - 1;
    List<Finding> findings = new ArrayList<>();
    String[] lines = text.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      for (Rule rule : RULES) {
        if (rule.pattern().matcher(line).find()) {
          findings.add(new Finding(relative, i + 1, rule.reason(), line));
        }
      }
      Matcher climb = CLIMB.matcher(line);
      while (climb.find()) {
        int ups = (climb.group(1).length() + 1) / 3;
        if (ups > depth) {
          findings.add(
              new Finding(
                  relative,
                  i + 1,
                  "climbs "
                      + ups
                      + " folder(s) from a file "
                      + depth
                      + " below the repository root",
                  line));
          break;
        }
      }
    }
    return findings;
  }

  /**
   * Text files that the repository keeps: by extension, Dockerfiles, and anything in a script
   * folder.
   */
  private List<Path> files(Set<String> ignored) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            String name = dir.equals(root) ? "" : dir.getFileName().toString();
            return NEVER_SCANNED.contains(name) || ignored.contains(name)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile() && scanned(root.relativize(file))) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    files.sort(null);
    return files;
  }

  static boolean scanned(Path relative) {
    String name = relative.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    if (dot > 0 && EXTENSIONS.contains(lower.substring(dot + 1))) {
      return true;
    }
    if (lower.startsWith("dockerfile")
        || lower.endsWith(".dockerfile")
        || lower.startsWith("containerfile")) {
      return true;
    }
    return relative.getNameCount() > 1 && SCRIPT_FOLDERS.contains(relative.getName(0).toString());
  }

  /**
   * Folder names the root {@code .gitignore} ignores outright ({@code name/} lines): not the
   * repository's files.
   */
  private Set<String> ignoredFolders() throws IOException {
    Set<String> names = new HashSet<>();
    Path gitignore = root.resolve(".gitignore");
    if (Files.isRegularFile(gitignore)) {
      for (String line : Files.readAllLines(gitignore)) {
        String entry = line.strip();
        if (entry.matches("/?[^/*?\\[!#]+/")) {
          names.add(entry.replace("/", ""));
        }
      }
    }
    return names;
  }
}
