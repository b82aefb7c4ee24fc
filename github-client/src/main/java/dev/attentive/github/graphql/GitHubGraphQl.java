package dev.attentive.github.graphql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.github.GitHubClientConfig;
import dev.attentive.github.auth.InstallationClients;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;

/**
 * GitHub's GraphQL API ({@code POST {api}/graphql}), which the kohsuke client does not speak: the
 * few things only GraphQL can do (review threads and resolving them). Sent as the installation,
 * with the token the installation's kohsuke client holds ({@link
 * InstallationClients#authorization}) and through {@link InstallationClients#call}, so a 401 renews
 * the token and repeats once.
 *
 * <p>Failures are thrown as kohsuke's {@link HttpException} with the response headers, so {@link
 * dev.attentive.github.call.GitHubFailure#classify} sorts them like REST failures (429 and 403 rate
 * limits wait, 5xx retry, other 4xx fail). GitHub answers GraphQL errors with 200 and an {@code
 * errors} list: a {@code RATE_LIMITED} error is thrown as a 403 rate limit, any other as a 422 (the
 * same query will fail again).
 */
public final class GitHubGraphQl {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final InstallationClients clients;
  private final HttpClient http;
  private final Duration requestTimeout;

  public GitHubGraphQl(
      InstallationClients clients, Duration connectTimeout, Duration requestTimeout) {
    this.clients = clients;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
    this.requestTimeout = requestTimeout;
  }

  /** With the time-outs the service configured for GitHub. */
  public static GitHubGraphQl create(InstallationClients clients, GitHubClientConfig config) {
    return new GitHubGraphQl(clients, config.connectTimeout(), config.requestTimeout());
  }

  /**
   * The GraphQL endpoint beside a REST API root: {@code https://api.github.com/graphql}, and for
   * GitHub Enterprise Server ({@code https://host/api/v3}) {@code https://host/api/graphql}.
   */
  public static String endpoint(String apiUrl) {
    String root = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    return root.endsWith("/api/v3")
        ? root.substring(0, root.length() - "/v3".length()) + "/graphql"
        : root + "/graphql";
  }

  /**
   * Runs a query or mutation as the installation and returns its {@code data}.
   *
   * @param variables the query's variables (JSON-serialisable values)
   */
  public JsonNode execute(Long installationId, String query, Map<String, ?> variables)
      throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("query", query);
    body.set("variables", JSON.valueToTree(variables == null ? Map.of() : variables));
    byte[] request = JSON.writeValueAsBytes(body);
    return clients.call(installationId, github -> post(github, request));
  }

  private JsonNode post(GitHub github, byte[] body) throws IOException {
    String url = endpoint(github.getApiUrl());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(requestTimeout)
            .header("Accept", "application/vnd.github+json")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    String authorization = clients.authorization(github);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (InterruptedIOException) new InterruptedIOException("interrupted: " + url).initCause(e);
    }
    Map<String, List<String>> headers = response.headers().map();
    if (response.statusCode() / 100 != 2) {
      throw new Failure(
          response.body(), response.statusCode(), message(response.body()), url, headers);
    }
    JsonNode answer = JSON.readTree(response.body());
    JsonNode errors = answer.path("errors");
    if (errors.isArray() && !errors.isEmpty()) {
      JsonNode first = errors.get(0);
      boolean limited = "RATE_LIMITED".equals(first.path("type").asText());
      throw new Failure(
          (limited ? "GraphQL rate limit: " : "GraphQL: ")
              + first.path("message").asText(first.toString()),
          limited ? 403 : 422,
          limited ? "rate limit exceeded" : "GraphQL error",
          url,
          headers);
    }
    return answer.path("data");
  }

  private static String message(String body) {
    try {
      return JSON.readTree(body).path("message").asText("");
    } catch (IOException notJson) {
      return "";
    }
  }

  /** kohsuke's failure with the response headers set, as its own requests throw it. */
  static final class Failure extends HttpException {
    Failure(
        String message,
        int status,
        String responseMessage,
        String url,
        Map<String, List<String>> headers) {
      super(message, status, responseMessage, url);
      this.responseHeaderFields = headers;
    }
  }
}
