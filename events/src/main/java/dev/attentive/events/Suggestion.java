package dev.attentive.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One thing an analyzer wants to say about a pull request, anchored on the new (head) side.
 *
 * @param startLine first line on the new side (1-based)
 * @param endLine last line on the new side, {@code >= startLine}
 * @param confidence 0..1, how sure the analyzer is
 * @param replacement the lines that should replace {@code startLine..endLine} (a ```suggestion
 *     block), or null
 * @param ruleId {@code analyzer/rule}, e.g. {@code style/LineLength}
 * @param fingerprint stable identity: path + rule + normalised code, not the line number, so the
 *     same finding on a later push is recognised after unrelated edits above it
 */
public record Suggestion(
    Kind kind,
    String path,
    int startLine,
    int endLine,
    Severity severity,
    double confidence,
    String message,
    String replacement,
    String ruleId,
    String fingerprint) {

  public enum Kind {
    REPAIR,
    STYLE,
    TEST
  }

  public enum Severity {
    INFO,
    WARNING,
    ERROR
  }

  public Suggestion {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(ruleId, "ruleId");
    if (startLine < 1 || endLine < startLine) {
      throw new IllegalArgumentException(
          "bad line range " + startLine + ".." + endLine + " in " + path);
    }
    if (confidence < 0 || confidence > 1) {
      throw new IllegalArgumentException("confidence must be in 0..1, was " + confidence);
    }
  }

  /**
   * The fingerprint of a finding: SHA-256 over path, rule and the code it is about with all
   * whitespace removed (so re-indentation and moves keep it), as 20 hex characters.
   */
  public static String fingerprint(String path, String ruleId, String code) {
    String normalised = code == null ? "" : code.replaceAll("\\s+", "");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(path.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(ruleId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(normalised.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
