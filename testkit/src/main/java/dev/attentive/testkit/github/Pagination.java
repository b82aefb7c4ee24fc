package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of a list, GitHub-style: {@code per_page} (default 30, max 100), {@code page}, and a
 * {@code Link} header with {@code prev}/{@code next}/{@code last}/{@code first} when there is more
 * than one page.
 */
final class Pagination {

  static final int DEFAULT_PER_PAGE = 30;
  static final int MAX_PER_PAGE = 100;

  private Pagination() {}

  static EmulatedResponse page(RecordedRequest request, List<ObjectNode> items, String baseUrl) {
    URI uri = URI.create(request.url());
    List<String[]> query = parseQuery(uri.getRawQuery());
    int perPage = intParam(query, "per_page", DEFAULT_PER_PAGE);
    perPage = perPage < 1 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
    int page = Math.max(1, intParam(query, "page", 1));
    int lastPage = Math.max(1, (items.size() + perPage - 1) / perPage);
    long from = (long) (page - 1) * perPage;
    List<ObjectNode> slice =
        from >= items.size()
            ? List.of()
            : items.subList((int) from, (int) Math.min(items.size(), from + perPage));

    List<String> links = new ArrayList<>();
    if (page > 1) {
      links.add(link(baseUrl, uri, query, page - 1, "prev"));
    }
    if (page < lastPage) {
      links.add(link(baseUrl, uri, query, page + 1, "next"));
      links.add(link(baseUrl, uri, query, lastPage, "last"));
    }
    if (page > 1) {
      links.add(link(baseUrl, uri, query, 1, "first"));
    }
    return new EmulatedResponse(
        200,
        GitHubJson.writeArray(slice),
        links.isEmpty() ? Map.of() : Map.of("Link", String.join(", ", links)));
  }

  /**
   * {@code <url>; rel="x"}: the request's own URL on the emulator with {@code page} set (added last
   * if absent).
   */
  private static String link(String baseUrl, URI uri, List<String[]> query, int page, String rel) {
    StringBuilder url = new StringBuilder(baseUrl).append(uri.getRawPath()).append('?');
    boolean pageSet = false;
    for (String[] param : query) {
      if (param[0].equals("page")) {
        if (pageSet) {
          continue;
        }
        url.append("page=").append(page).append('&');
        pageSet = true;
      } else {
        url.append(param[0]).append('=').append(param[1]).append('&');
      }
    }
    if (!pageSet) {
      url.append("page=").append(page).append('&');
    }
    url.setLength(url.length() - 1);
    return "<" + url + ">; rel=\"" + rel + "\"";
  }

  private static List<String[]> parseQuery(String rawQuery) {
    List<String[]> params = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.add(
          eq < 0
              ? new String[] {pair, ""}
              : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
    }
    return params;
  }

  private static int intParam(List<String[]> query, String name, int fallback) {
    for (String[] param : query) {
      if (param[0].equals(name)) {
        try {
          return Integer.parseInt(param[1]);
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
    }
    return fallback;
  }
}
