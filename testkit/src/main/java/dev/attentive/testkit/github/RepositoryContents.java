package dev.attentive.testkit.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * GitHub's "get repository content" for files: {@code GET /repos/{o}/{r}/contents/{path}?ref={sha}}
 * answering the file object with base64 content (wrapped at 60 characters, as GitHub sends it).
 */
public final class RepositoryContents {

  private RepositoryContents() {}

  public static void serve(
      GitHubEmulator github, String ownerRepo, String ref, String path, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String base64 =
        Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes)
            + "\n";
    String api = github.baseUrl() + "/repos/" + ownerRepo + "/contents/" + path + "?ref=" + ref;
    String sha = String.format("%08x", content.hashCode()) + "0".repeat(32);
    ObjectNode file =
        EventJson.mapper()
            .createObjectNode()
            .put("type", "file")
            .put("encoding", "base64")
            .put("size", bytes.length)
            .put("name", path.substring(path.lastIndexOf('/') + 1))
            .put("path", path)
            .put("content", base64)
            .put("sha", sha.substring(0, 40))
            .put("url", api)
            .put(
                "git_url",
                github.baseUrl() + "/repos/" + ownerRepo + "/git/blobs/" + sha.substring(0, 40))
            .put("html_url", "https://github.com/" + ownerRepo + "/blob/" + ref + "/" + path)
            .put(
                "download_url",
                "https://raw.githubusercontent.com/" + ownerRepo + "/" + ref + "/" + path);
    file.putObject("_links")
        .put("self", api)
        .put("git", file.get("git_url").asText())
        .put("html", file.get("html_url").asText());
    github
        .wireMock()
        .stubFor(
            get(urlPathEqualTo("/repos/" + ownerRepo + "/contents/" + path))
                .withQueryParam("ref", equalTo(ref))
                .willReturn(
                    aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8")
                        .withBody(file.toString())));
  }
}
