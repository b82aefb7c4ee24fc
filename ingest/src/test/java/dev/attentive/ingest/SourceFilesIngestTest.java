package dev.attentive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.SourceFile;
import dev.attentive.events.SourceRef;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RepositoryContents;
import dev.attentive.testkit.github.RepositoryFixture;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Source files end to end: a pull request changing a Java class, the GitHub emulator's trees and
 * blobs, and the chunk out with references to the classes it needs, their texts on the compacted
 * source-files topic (head versions, and base versions where they differ).
 */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class SourceFilesIngestTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  static final String CART = "shop/src/main/java/com/acme/shop/Cart.java";
  static final String ITEM = "shop/src/main/java/com/acme/shop/Item.java";
  static final String UNRELATED = "shop/src/main/java/com/acme/shop/Unrelated.java";
  static final String PRICES = "shop/src/main/java/com/acme/shop/pricing/PriceList.java";
  static final String OTHER_PRICES = "legacy/src/main/java/com/acme/shop/pricing/PriceList.java";

  static final String CART_PATCH =
      "@@ -4,6 +4,6 @@\n \n public final class Cart {\n   public static int total(int items) {\n"
          + "-    return PriceList.unitPrice() * items;\n"
          + "+    return PriceList.unitPrice() * items + Item.FEE;\n   }\n }";

  @TestHTTPResource("/webhooks/github")
  URI endpoint;

  EmbeddedKafka kafka = IngestTestResource.kafka();
  GitHubEmulator github = IngestTestResource.github();

  static String cart(String total) {
    return "package com.acme.shop;\n\nimport com.acme.shop.pricing.PriceList;\n\n"
        + "public final class Cart {\n  public static int total(int items) {\n    return "
        + total
        + ";\n  }\n}\n";
  }

  static String prices(String repo, int unit) {
    return "// "
        + repo
        + "\npackage com.acme.shop.pricing;\n\npublic final class PriceList {\n"
        + "  public static int unitPrice() {\n    return "
        + unit
        + ";\n  }\n}\n";
  }

  /** A repository at base, then head (the cart and the price list changed); returns both SHAs. */
  static String[] commits(RepositoryFixture repo) {
    String owner = "// " + repo.ownerRepo() + "\n";
    repo.file(CART, cart("PriceList.unitPrice() * items"))
        .file(
            ITEM,
            owner
                + "package com.acme.shop;\n\nfinal class Item {\n  static final int FEE = 2;\n}\n")
        .file(UNRELATED, owner + "package com.acme.shop;\n\nfinal class Unrelated {}\n")
        .file(PRICES, prices(repo.ownerRepo(), 3))
        .file(OTHER_PRICES, prices(repo.ownerRepo() + " legacy", 1))
        .file("README.md", "# shop\n");
    String base = repo.commit();
    repo.file(CART, cart("PriceList.unitPrice() * items + Item.FEE"))
        .file(PRICES, prices(repo.ownerRepo(), 5));
    String head = repo.commit();
    return new String[] {base, head};
  }

  static String sha(String text) {
    return RepositoryFixture.blobSha(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aChangedClassReferencesItsNeighboursAndTheirTextsArePublished() {
    String repoName = "octo-sources/shop";
    RepositoryFixture repo = github.repository(repoName);
    String[] shas = commits(repo);
    register(repoName, 5, shas[0], shas[1]);

    String delivery = pullRequest(repoName, 5, shas[0], shas[1]);

    PullRequestDiffChunk chunk = chunkOf(delivery);
    String owner = "// " + repoName + "\n";
    String item =
        owner + "package com.acme.shop;\n\nfinal class Item {\n  static final int FEE = 2;\n}\n";
    assertThat(chunk.sources())
        .containsExactlyInAnyOrder(
            new SourceRef(PRICES, sha(prices(repoName, 5)), SourceRef.Side.HEAD),
            new SourceRef(ITEM, sha(item), SourceRef.Side.HEAD),
            new SourceRef(PRICES, sha(prices(repoName, 3)), SourceRef.Side.BASE));
    Set<String> wanted =
        chunk.sources().stream().map(SourceRef::blobSha).collect(Collectors.toSet());
    List<SourceFile> files =
        kafka.await(
            Topics.SOURCE_FILES,
            EventSerdes.sourceFile(),
            f -> wanted.contains(f.blobSha()),
            wanted.size(),
            WAIT);
    assertThat(files)
        .extracting(SourceFile::content)
        .containsExactlyInAnyOrder(prices(repoName, 5), item, prices(repoName, 3));
  }

  @Test
  void theChangedClassModulesPomIsReferencedForItsDependencies() {
    String repoName = "octo-sources/built";
    RepositoryFixture repo = github.repository(repoName);
    String pom = "<project><artifactId>shop</artifactId></project>\n";
    repo.file("pom.xml", "<project><artifactId>root</artifactId></project>\n")
        .file("shop/pom.xml", pom);
    String[] shas = commits(repo);
    register(repoName, 7, shas[0], shas[1]);

    PullRequestDiffChunk chunk = chunkOf(pullRequest(repoName, 7, shas[0], shas[1]));

    assertThat(chunk.sources())
        .filteredOn(ref -> ref.path().endsWith("pom.xml"))
        .containsExactly(new SourceRef("shop/pom.xml", sha(pom), SourceRef.Side.HEAD));
    List<SourceFile> files =
        kafka.await(
            Topics.SOURCE_FILES,
            EventSerdes.sourceFile(),
            f -> f.blobSha().equals(sha(pom)),
            1,
            WAIT);
    assertThat(files).extracting(SourceFile::content).containsExactly(pom);
  }

  @Test
  void aTreeGitHubWillNotListLeavesTheChunkWithoutSources() {
    String repoName = "octo-sources/untreed";
    RepositoryFixture repo = github.repository(repoName);
    String[] shas = commits(repo);
    register(repoName, 6, shas[0], shas[1]);
    github.failNext("GET", "/repos/" + repoName + "/git/trees/" + shas[1], 404, 1);

    PullRequestDiffChunk chunk = chunkOf(pullRequest(repoName, 6, shas[0], shas[1]));

    assertThat(chunk.sources()).isNull();
    assertThat(chunk.newContent()).isEqualTo(cart("PriceList.unitPrice() * items + Item.FEE"));
  }

  private PullRequestDiffChunk chunkOf(String delivery) {
    List<PullRequestDiffChunk> chunks =
        kafka.await(
            Topics.DIFF_CHUNKS,
            EventSerdes.diffChunk(),
            c -> c.deliveryId().equals(delivery),
            1,
            WAIT);
    assertThat(chunks).hasSize(1);
    return chunks.get(0);
  }

  private void register(String repo, int number, String base, String head) {
    github
        .pullRequest(repo, number)
        .head(head)
        .base(base)
        .clearFiles()
        .file(CART, "modified", CART_PATCH)
        .register();
    RepositoryContents.serve(
        github, repo, head, CART, cart("PriceList.unitPrice() * items + Item.FEE"));
  }

  private String pullRequest(String repo, int number, String base, String head) {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "pull_request_synchronize.json",
            json -> {
              ((ObjectNode) json.path("repository"))
                  .put("full_name", repo)
                  .put("default_branch", "main");
              json.put("number", number);
              ObjectNode pr = (ObjectNode) json.path("pull_request");
              pr.put("number", number);
              ((ObjectNode) pr.path("head")).put("sha", head);
              ((ObjectNode) pr.path("base")).put("sha", base);
            });
    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);
    return delivery;
  }
}
