package dev.attentive.publisher.review;

import dev.attentive.events.Suggestion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden HTML comments the publisher leaves in what it posts, so that GitHub itself records
 * what was posted: every inline comment ends with {@code <!-- attentive:fp=FINGERPRINT -->}; every
 * review summary carries {@code <!-- attentive:delivery=DELIVERY_ID -->} and the fingerprint
 * markers of the suggestions it lists. GitHub renders none of them.
 */
public final class Markers {

  private static final String ID = "[A-Za-z0-9._:+/=-]{1,200}";
  private static final Pattern FINGERPRINT = Pattern.compile("<!-- attentive:fp=(" + ID + ") -->");
  private static final Pattern TRAILING_FINGERPRINT =
      Pattern.compile("<!-- attentive:fp=(" + ID + ") -->\\s*\\z");
  private static final Pattern DELIVERY =
      Pattern.compile("<!-- attentive:delivery=(" + ID + ") -->");
  private static final Pattern SAFE = Pattern.compile(ID);

  private Markers() {}

  public static String fingerprint(String fingerprint) {
    return "<!-- attentive:fp=" + fingerprint + " -->";
  }

  /**
   * Marks the comment about one distinct set of {@code .attentive.yml} problems (by their hash).
   */
  public static String configProblems(String problemsHash) {
    return "<!-- attentive:config-problems=" + safeId(problemsHash) + " -->";
  }

  public static String delivery(String deliveryId) {
    return "<!-- attentive:delivery=" + safeId(deliveryId) + " -->";
  }

  /**
   * The fingerprint a suggestion is posted and recognised under: its own when it fits a marker,
   * otherwise (missing, or with characters a marker cannot carry) one derived from it the same way
   * every time.
   */
  public static String fingerprintOf(Suggestion s) {
    String fp = s.fingerprint();
    if (fp == null || fp.isBlank()) {
      return Suggestion.fingerprint(s.path(), s.ruleId(), s.message());
    }
    return safeId(fp);
  }

  /** The id itself when a marker can carry it, else 20 hex characters of its SHA-256. */
  static String safeId(String id) {
    if (id != null && SAFE.matcher(id).matches()) {
      return id;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.valueOf(id).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The fingerprint of one of our inline comments: the marker at its very end (code above it cannot
   * fake one).
   */
  public static Optional<String> trailingFingerprint(String commentBody) {
    if (commentBody == null) {
      return Optional.empty();
    }
    Matcher m = TRAILING_FINGERPRINT.matcher(commentBody);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Every fingerprint marker in a review summary. */
  public static List<String> fingerprints(String reviewBody) {
    return all(FINGERPRINT, reviewBody);
  }

  /** Every delivery marker in a review summary. */
  public static List<String> deliveries(String reviewBody) {
    return all(DELIVERY, reviewBody);
  }

  /**
   * Text from analyzers made safe to put next to markers: an HTML comment opener is written as
   * {@code &lt;!--} (GitHub shows it as {@code <!--}), so a message can neither hide the text after
   * it nor fake a marker.
   */
  public static String neutralise(String text) {
    return text == null ? "" : text.replace("<!--", "&lt;!--");
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        out.add(m.group(1));
      }
    }
    return out;
  }
}
