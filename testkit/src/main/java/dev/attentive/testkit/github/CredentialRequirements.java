package dev.attentive.testkit.github;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The credentials every request must carry: a fixed token ({@link GitHubEmulator#requireToken}), a
 * check such as {@link GitHubAppEmulation}'s ({@link GitHubEmulator#requireCredentials}), or both
 * (either passes). Refused requests get 401 {@code {"message":"Bad credentials",...}} before any
 * other stub answers.
 */
final class CredentialRequirements {

  private static final UUID ABSENT_STUB = id("auth:absent");
  private static final UUID WRONG_STUB = id("auth:wrong");
  private static final UUID CHECK_STUB = id("auth:check");

  private final Stubs stubs;
  private volatile String requiredToken;

  /** (path, Authorization header or null) → accepted; null when no check is in force. */
  private volatile BiPredicate<String, String> check;

  CredentialRequirements(Stubs stubs) {
    this.stubs = stubs;
  }

  synchronized void requireToken(String token) {
    stubs.removeIfPresent(ABSENT_STUB);
    stubs.removeIfPresent(WRONG_STUB);
    requiredToken = token;
    if (token == null) {
      return;
    }
    ResponseDefinitionBuilder badCredentials = badCredentials();
    stubs
        .server()
        .stubFor(
            any(anyUrl())
                .withId(ABSENT_STUB)
                .atPriority(Stubs.PRIORITY_AUTH)
                .withHeader("Authorization", absent())
                .andMatching(r -> MatchResult.of(check == null))
                .willReturn(badCredentials));
    stubs
        .server()
        .stubFor(
            any(anyUrl())
                .withId(WRONG_STUB)
                .atPriority(Stubs.PRIORITY_AUTH)
                .withHeader(
                    "Authorization", notMatching("(?i:token|bearer) " + Pattern.quote(token)))
                .andMatching(r -> MatchResult.of(check == null))
                .willReturn(badCredentials));
  }

  synchronized void requireCredentials(BiPredicate<String, String> check) {
    stubs.removeIfPresent(CHECK_STUB);
    this.check = check;
    if (check == null) {
      return;
    }
    stubs
        .server()
        .stubFor(
            any(anyUrl())
                .withId(CHECK_STUB)
                .atPriority(Stubs.PRIORITY_AUTH)
                .andMatching(r -> MatchResult.of(!accepted(r)))
                .willReturn(badCredentials()));
  }

  String requiredToken() {
    return requiredToken;
  }

  /** Forgets both requirements; their stubs go with the server's reset. */
  void reset() {
    requiredToken = null;
    check = null;
  }

  private boolean accepted(Request request) {
    BiPredicate<String, String> current = check;
    String authorization = request.getHeader("Authorization");
    String token = requiredToken;
    if (token != null
        && authorization != null
        && authorization.matches("(?is)(?:token|bearer) " + Pattern.quote(token))) {
      return true;
    }
    return current == null
        || current.test(URI.create(request.getUrl()).getRawPath(), authorization);
  }

  private static ResponseDefinitionBuilder badCredentials() {
    return Stubs.response(401, GitHubJson.write(GitHubJson.error("Bad credentials")));
  }

  private static UUID id(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
