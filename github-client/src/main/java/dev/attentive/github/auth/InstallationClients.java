package dev.attentive.github.auth;

import dev.attentive.github.GitHubClientConfig;
import dev.attentive.github.TimeoutGitHubConnector;
import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.authorization.ImmutableAuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * kohsuke {@link GitHub} clients per GitHub App installation.
 *
 * <p>App mode: one client per installation id, built once and cached, authenticated by kohsuke's
 * {@link AppInstallationAuthorizationProvider} over one shared {@link JWTTokenProvider}. On its
 * first request a client calls {@code GET /app}, {@code GET /app/installations/{id}} and {@code
 * POST /app/installations/{id}/access_tokens} (with the App JWT) and then sends {@code
 * Authorization: token ghs_...}; the token is reused until five minutes before its {@code
 * expires_at} and then exchanged again (kohsuke 1.330's behaviour). The JWT (RS256, {@code iss} =
 * App id, {@code iat} = now - 2 min, {@code exp} = now + 8 min) is reused for 6 minutes.
 *
 * <p>Token and anonymous mode: one client for every installation (the id may be null); {@link
 * #invalidate} does nothing and {@link #call} does not retry.
 *
 * <p>Thread-safe.
 */
public final class InstallationClients {

  private final GitHubCredentials credentials;
  private final Consumer<GitHubBuilder> customizer;
  private final JWTTokenProvider jwt;
  private final ConcurrentMap<Long, GitHub> clients = new ConcurrentHashMap<>();
  // what authenticates each client built here, for requests the kohsuke client cannot make
  // (GraphQL)
  private final Map<GitHub, AuthorizationProvider> providers =
      Collections.synchronizedMap(new WeakHashMap<>());
  private volatile GitHub shared;
  private volatile String ownLogin;

  public InstallationClients(GitHubCredentials credentials) {
    this(credentials, builder -> {});
  }

  /**
   * The clients a service uses: credentials from its configuration (the App id decides App mode,
   * see {@link GitHubCredentials#fromSettings}), the configured time-outs, and GitHub's limits
   * surfacing as errors.
   *
   * <p>The kohsuke client's own rate-limit handlers would sleep inside the request — a minute by
   * default for a secondary limit without {@code Retry-After}, until the reset for the primary
   * limit — unbounded by any caller's deadline. Both are set to {@code FAIL}: the 403/429 comes
   * back as an {@link HttpException} carrying the response headers, and {@link
   * dev.attentive.github.call.GitHubCalls} waits what GitHub asks, within the caller's budget.
   *
   * @throws IllegalArgumentException for a half-configured App or an unreadable key
   */
  public static InstallationClients create(GitHubClientConfig config) {
    GitHubCredentials credentials =
        GitHubCredentials.fromSettings(
            config.apiUrl(),
            config.token(),
            config.appId(),
            config.appPrivateKey(),
            config.appPrivateKeyPath());
    return new InstallationClients(
        credentials,
        builder ->
            builder
                .withConnector(
                    new TimeoutGitHubConnector(config.connectTimeout(), config.requestTimeout()))
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL));
  }

  /**
   * @param customizer applied to every {@link GitHubBuilder} before the endpoint's credentials are
   *     set: a connector, rate-limit and abuse-limit handlers and the like (credentials set here
   *     are overridden)
   */
  public InstallationClients(GitHubCredentials credentials, Consumer<GitHubBuilder> customizer) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.customizer = Objects.requireNonNull(customizer, "customizer");
    this.jwt =
        credentials.mode() == GitHubCredentials.Mode.APP
            ? new JWTTokenProvider(
                credentials.appId().orElseThrow(), credentials.privateKey().orElseThrow())
            : null;
  }

  public GitHubCredentials credentials() {
    return credentials;
  }

  /**
   * The client for this installation: in App mode authenticated as the installation (cached per id;
   * no request is made until it is used), else the one shared client.
   *
   * @throws IllegalArgumentException in App mode when {@code installationId} is null
   */
  public GitHub forInstallation(Long installationId) throws IOException {
    if (credentials.mode() != GitHubCredentials.Mode.APP) {
      GitHub github = shared;
      if (github == null) {
        synchronized (this) {
          if (shared == null) {
            shared = buildShared();
          }
          github = shared;
        }
      }
      return github;
    }
    if (installationId == null) {
      throw new IllegalArgumentException(
          "GitHub App mode needs an installation id (none in this event?)");
    }
    GitHub github = clients.get(installationId);
    if (github != null) {
      return github;
    }
    GitHub built = buildForInstallation(installationId);
    GitHub raced = clients.putIfAbsent(installationId, built);
    return raced != null ? raced : built;
  }

  /**
   * Drops the installation's cached client (and with it its token): the next {@link
   * #forInstallation} builds a new one, which exchanges a new token. Nothing happens outside App
   * mode or for an unknown id.
   */
  public void invalidate(Long installationId) {
    if (installationId != null) {
      clients.remove(installationId);
    }
  }

  /**
   * Runs {@code call} with the installation's client. In App mode, when it fails with 401
   * (kohsuke's {@link HttpException} with code 401, also when wrapped, e.g. by a paged iterator),
   * the client is dropped (only if it is still the cached one) and {@code call} runs exactly once
   * more with a fresh client and token; a second failure is thrown as it is. Anything else is
   * thrown unchanged, without a retry.
   */
  public <T> T call(Long installationId, GitHubCall<T> call) throws IOException {
    Objects.requireNonNull(call, "call");
    GitHub github = forInstallation(installationId);
    try {
      return call.apply(github);
    } catch (IOException | RuntimeException e) {
      if (credentials.mode() != GitHubCredentials.Mode.APP || !isUnauthorized(e)) {
        throw e;
      }
      clients.remove(installationId, github);
    }
    return call.apply(forInstallation(installationId));
  }

  /**
   * The login GitHub shows on what these clients post: in App mode the App's bot user, {@code
   * <slug>[bot]} ({@code GET /app} with the App JWT); with a token the token's user ({@code GET
   * /user}); null when anonymous (nothing can be posted). Asked once, then cached.
   */
  public String ownLogin() throws IOException {
    String login = ownLogin;
    if (login == null && credentials.mode() != GitHubCredentials.Mode.ANONYMOUS) {
      if (credentials.mode() == GitHubCredentials.Mode.APP) {
        GitHubBuilder builder = new GitHubBuilder().withEndpoint(credentials.apiUrl());
        customizer.accept(builder);
        login = builder.withAuthorizationProvider(jwt).build().getApp().getSlug() + "[bot]";
      } else {
        login = forInstallation(null).getMyself().getLogin();
      }
      ownLogin = login;
    }
    return login;
  }

  /**
   * The {@code Authorization} header value {@code github} (a client of this instance) sends now —
   * {@code token ghs_...} for an installation, renewed as the client renews it — or null when
   * anonymous. For requests the kohsuke client has no API for, e.g. {@link
   * dev.attentive.github.graphql.GitHubGraphQl}.
   */
  public String authorization(GitHub github) throws IOException {
    AuthorizationProvider provider = providers.get(github);
    return provider == null ? null : provider.getEncodedAuthorization();
  }

  /**
   * Whether {@code e} or one of its causes is kohsuke's {@link HttpException} with response code
   * 401.
   */
  public static boolean isUnauthorized(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpException http && http.getResponseCode() == 401) {
        return true;
      }
    }
    return false;
  }

  private GitHub buildForInstallation(long installationId) throws IOException {
    AppInstallationAuthorizationProvider provider =
        new AppInstallationAuthorizationProvider(
            app -> app.getInstallationById(installationId), jwt);
    GitHubBuilder builder = new GitHubBuilder().withEndpoint(credentials.apiUrl());
    customizer.accept(builder);
    GitHub github = builder.withAuthorizationProvider(provider).build();
    providers.put(github, provider);
    return github;
  }

  private GitHub buildShared() throws IOException {
    GitHubBuilder builder = new GitHubBuilder().withEndpoint(credentials.apiUrl());
    customizer.accept(builder);
    AuthorizationProvider provider =
        credentials.mode() == GitHubCredentials.Mode.TOKEN
            // With a login given, building the client does not call GET /user.
            ? ImmutableAuthorizationProvider.fromOauthToken(
                credentials.token().orElseThrow(), "attentive")
            : AuthorizationProvider.ANONYMOUS;
    GitHub github = builder.withAuthorizationProvider(provider).build();
    providers.put(github, provider);
    return github;
  }
}
