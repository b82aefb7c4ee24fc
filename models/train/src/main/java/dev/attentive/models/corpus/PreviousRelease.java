package dev.attentive.models.corpus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The release before a pinned version of a library, from Maven Central's {@code
 * maven-metadata.xml}: the newest version strictly older in Maven's order, of the same flavour
 * (what follows the numbers: {@code -jre} stays {@code -jre}, {@code .Final} stays {@code .Final}),
 * and no snapshot, alpha, beta, release candidate or milestone.
 */
public final class PreviousRelease {

  static final URI CENTRAL = URI.create("https://repo1.maven.org/maven2/");

  /** A word of a version that marks it as not a final release. */
  private static final Pattern PRE_RELEASE =
      Pattern.compile(
          "snapshot|alpha\\d*|beta\\d*|a\\d+|b\\d+|rc\\d*|cr\\d*|m\\d+|milestone\\d*|preview\\d*|ea");

  private PreviousRelease() {}

  /** Asks Maven Central; a reserved library is refused first. */
  public static Optional<String> of(Library library) throws IOException, InterruptedException {
    ReservedLibraries.refuseIfReserved(library);
    URI uri =
        CENTRAL.resolve(
            library.groupId().replace('.', '/')
                + "/"
                + library.artifactId()
                + "/maven-metadata.xml");
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IOException(uri + ": HTTP " + response.statusCode());
    }
    return before(library.version(), versions(response.body()));
  }

  /** The versions a {@code maven-metadata.xml} lists. */
  static List<String> versions(byte[] metadata) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList nodes =
          factory
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(metadata))
              .getElementsByTagName("version");
      List<String> versions = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        versions.add(nodes.item(i).getTextContent().strip());
      }
      return versions;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException(
          "not a maven-metadata.xml: "
              + new String(metadata, 0, Math.min(200, metadata.length), StandardCharsets.UTF_8),
          e);
    }
  }

  /** The newest final release of {@code version}'s flavour strictly older than it. */
  public static Optional<String> before(String version, List<String> versions) {
    ComparableVersion pinned = new ComparableVersion(version);
    String flavour = flavour(version);
    return versions.stream()
        .filter(v -> flavour(v).equals(flavour) && !preRelease(v))
        .filter(v -> new ComparableVersion(v).compareTo(pinned) < 0)
        .max((a, b) -> new ComparableVersion(a).compareTo(new ComparableVersion(b)));
  }

  /** What follows the leading numbers: {@code -jre}, {@code .Final}, {@code -GA} or nothing. */
  static String flavour(String version) {
    return version.replaceFirst("^[0-9.]+", "").toLowerCase(Locale.ROOT);
  }

  static boolean preRelease(String version) {
    for (String word : version.toLowerCase(Locale.ROOT).split("[-._]")) {
      if (PRE_RELEASE.matcher(word).matches()) {
        return true;
      }
    }
    return false;
  }
}
