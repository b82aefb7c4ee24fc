package dev.attentive.testkit.github;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the {@link GitHubEmulator} received, copied out of WireMock's request journal.
 *
 * @param method HTTP method, upper case
 * @param url path plus query string as sent, e.g. {@code
 *     /repos/o/r/pulls/7/files?per_page=100&page=2}
 * @param headers header name (as sent) to values
 * @param body request body decoded as UTF-8 ({@code ""} when there is none)
 */
public record RecordedRequest(
    String method, String url, Map<String, List<String>> headers, String body) {

  public RecordedRequest {
    headers = Map.copyOf(headers);
  }

  /** A copy of what WireMock received (a request being answered, or one from its journal). */
  static RecordedRequest of(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), List.copyOf(header.values()));
    }
    String body =
        request.getBody() == null ? "" : new String(request.getBody(), StandardCharsets.UTF_8);
    return new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers, body);
  }

  /** The path without the query string. */
  public String path() {
    return URI.create(url).getRawPath();
  }

  /** First value of a header, case-insensitive; null when absent. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  /** First value of a query parameter (decoded); null when absent. */
  public String queryParam(String name) {
    String query = URI.create(url).getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      if (key.equals(name)) {
        return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
