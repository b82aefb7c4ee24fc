package dev.attentive.conventions;

/**
 * How much of a repository a profile may read. Defaults (docs/style.md): 300 Java files, 4 MiB in
 * all, files over 256 KiB skipped, 12 build and tool files (pom.xml, Checkstyle files ...) of at
 * most 256 KiB each.
 */
public record SampleBudget(int maxFiles, long maxBytes, long maxFileBytes, int maxToolFiles) {

  public static final SampleBudget DEFAULT = new SampleBudget(300, 4L << 20, 256L << 10, 12);

  public SampleBudget {
    if (maxFiles < 1 || maxBytes < 1 || maxFileBytes < 1 || maxToolFiles < 0) {
      throw new IllegalArgumentException("a sample budget must be positive");
    }
  }
}
