package dev.attentive.publisher.review;

import dev.attentive.events.Suggestion;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hidden HTML comments the publisher leaves in what it posts, so that GitHub itself records
 * what was posted: every inline comment ends with {@code <!-- attentive:fp=FINGERPRINT mac=MAC
 * -->}; every review summary carries {@code <!-- attentive:delivery=DELIVERY_ID mac=MAC -->} and
 * the fingerprint markers of the suggestions it lists. GitHub renders none of them.
 *
 * <p>Fingerprints are deterministic (path, rule, message), so anyone could write a marker; the MAC
 * (HMAC-SHA256 of {@code kind=value} under the deployment's marker secret, first 32 hex characters)
 * is what only this deployment can write. Reading keeps a marker only when its MAC is right; a
 * marker without one (what the publisher posted before markers were signed) is kept only when
 * {@code acceptUnsigned}. Whose body it is the caller checks: markers count only in bodies the bot
 * wrote.
 */
public final class Markers {

  /** Why a marker was not believed (the {@code reason} tag of the rejected-markers counter). */
  public static final String BAD_MAC = "bad-mac";

  public static final String UNSIGNED = "unsigned";
  public static final String FOREIGN_AUTHOR = "foreign-author";

  private static final String ID = "[A-Za-z0-9._:+/=-]{1,200}";
  private static final String MAC_LENGTH = "32";
  private static final String SIGNED = "(" + ID + ")(?: mac=([0-9a-f]{" + MAC_LENGTH + "}))? -->";
  private static final Pattern FINGERPRINT = Pattern.compile("<!-- attentive:fp=" + SIGNED);
  private static final Pattern TRAILING_FINGERPRINT =
      Pattern.compile("<!-- attentive:fp=" + SIGNED + "\\s*\\z");
  private static final Pattern DELIVERY = Pattern.compile("<!-- attentive:delivery=" + SIGNED);
  private static final Pattern CONFIG_PROBLEMS =
      Pattern.compile("<!-- attentive:config-problems=" + SIGNED);
  private static final Pattern ANY = Pattern.compile("<!-- attentive:[a-z-]+=" + SIGNED);
  private static final Pattern SAFE = Pattern.compile(ID);

  private final SecretKeySpec key;
  private final boolean acceptUnsigned;
  private final Consumer<String> rejected;

  /**
   * @param secret the deployment's marker secret (at least 16 bytes)
   * @param acceptUnsigned whether markers without a MAC (posted before signing) still count
   * @param rejected told the reason of every marker not believed
   */
  public Markers(byte[] secret, boolean acceptUnsigned, Consumer<String> rejected) {
    if (secret == null || secret.length < 16) {
      throw new IllegalArgumentException("the marker secret must have at least 16 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.acceptUnsigned = acceptUnsigned;
    this.rejected = Objects.requireNonNull(rejected, "rejected");
  }

  public String fingerprint(String fingerprint) {
    return marker("fp", fingerprint);
  }

  /**
   * Marks the comment about one distinct set of {@code .attentive.yml} problems (by their hash).
   */
  public String configProblems(String problemsHash) {
    return marker("config-problems", safeId(problemsHash));
  }

  public String delivery(String deliveryId) {
    return marker("delivery", safeId(deliveryId));
  }

  private String marker(String kind, String value) {
    return "<!-- attentive:" + kind + "=" + value + " mac=" + mac(kind, value) + " -->";
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
   * fake one), when its MAC is right.
   */
  public Optional<String> trailingFingerprint(String commentBody) {
    if (commentBody == null) {
      return Optional.empty();
    }
    Matcher m = TRAILING_FINGERPRINT.matcher(commentBody);
    return m.find() && believed("fp", m) ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Every believed fingerprint marker in a review summary. */
  public List<String> fingerprints(String reviewBody) {
    return all(FINGERPRINT, "fp", reviewBody);
  }

  /** Every believed delivery marker in a review summary. */
  public List<String> deliveries(String reviewBody) {
    return all(DELIVERY, "delivery", reviewBody);
  }

  /** Every believed config-problems marker in a comment. */
  public List<String> configProblemsIn(String commentBody) {
    return all(CONFIG_PROBLEMS, "config-problems", commentBody);
  }

  /**
   * Counts the markers of a body the bot did not write as rejected: they are never read, whatever
   * their MAC.
   */
  public void rejectForeign(String body) {
    if (body != null) {
      Matcher m = ANY.matcher(body);
      while (m.find()) {
        rejected.accept(FOREIGN_AUTHOR);
      }
    }
  }

  private boolean believed(String kind, Matcher m) {
    String mac = m.group(2);
    if (mac == null) {
      if (!acceptUnsigned) {
        rejected.accept(UNSIGNED);
      }
      return acceptUnsigned;
    }
    // constant time: a wrong MAC says nothing about how much of it was right
    if (!MessageDigest.isEqual(
        mac.getBytes(StandardCharsets.US_ASCII),
        mac(kind, m.group(1)).getBytes(StandardCharsets.US_ASCII))) {
      rejected.accept(BAD_MAC);
      return false;
    }
    return true;
  }

  private String mac(String kind, String value) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      byte[] sum = hmac.doFinal((kind + "=" + value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sum).substring(0, Integer.parseInt(MAC_LENGTH));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> all(Pattern pattern, String kind, String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        if (believed(kind, m)) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }
}
