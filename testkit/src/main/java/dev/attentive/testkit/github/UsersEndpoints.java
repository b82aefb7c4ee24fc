package dev.attentive.testkit.github;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code GET /user}: the authenticated user (default {@code octocat}), who is also the author of
 * what the emulator records (reviews, comments); {@code GET /users/{login}}: the user object of any
 * login (kohsuke fetches it for {@code getUser()}).
 */
final class UsersEndpoints {

  static final String DEFAULT_LOGIN = "octocat";

  private volatile String login = DEFAULT_LOGIN;

  void install(Stubs stubs) {
    stubs.serve(
        "GET",
        "/user",
        request ->
            EmulatedResponse.json(200, GitHubJson.write(stubs.json().authenticatedUser(login))));
    stubs.serve(
        "GET",
        "/users/[^/]+",
        request -> {
          String user =
              URLDecoder.decode(
                  request.path().substring("/users/".length()), StandardCharsets.UTF_8);
          return EmulatedResponse.json(200, GitHubJson.write(stubs.json().user(user)));
        });
  }

  String login() {
    return login;
  }

  void login(String login) {
    this.login = Objects.requireNonNull(login, "login");
  }

  void reset() {
    login = DEFAULT_LOGIN;
  }
}
