package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET /repos/{o}/{r}/collaborators/{login}/permission}: the permission set for the user,
 * answered as GitHub does ({@code maintain} as {@code "permission": "write"}, {@code triage} as
 * {@code read}); {@code read} for users not set, as on a public repository.
 */
final class CollaboratorsEndpoints {

  private final Stubs stubs;

  /** "owner/repo:login" → "admin", "maintain", "write", "triage", "read", "none". */
  private final Map<String, String> permissions = new ConcurrentHashMap<>();

  CollaboratorsEndpoints(Stubs stubs) {
    this.stubs = stubs;
  }

  void install() {
    stubs.serve("GET", "/repos/[^/]+/[^/]+/collaborators/[^/]+/permission", this::answer);
  }

  void permission(String ownerRepo, String login, String permission) {
    permissions.put(
        ownerRepo + ":" + login.toLowerCase(Locale.ROOT), permission.toLowerCase(Locale.ROOT));
  }

  void reset() {
    permissions.clear();
  }

  private EmulatedResponse answer(RecordedRequest request) {
    String[] parts = request.path().split("/");
    // /repos/{o}/{r}/collaborators/{user}/permission
    String ownerRepo = parts[2] + "/" + parts[3];
    String login = URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
    String role =
        permissions.getOrDefault(ownerRepo + ":" + login.toLowerCase(Locale.ROOT), "read");
    String permission =
        switch (role) {
          case "maintain" -> "write";
          case "triage" -> "read";
          default -> role;
        };
    ObjectNode body =
        GitHubJson.MAPPER.createObjectNode().put("permission", permission).put("role_name", role);
    body.set("user", stubs.json().user(login));
    return EmulatedResponse.json(200, GitHubJson.write(body));
  }
}
