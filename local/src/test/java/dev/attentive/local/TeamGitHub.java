package dev.attentive.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.testkit.github.GitHubEmulator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the scripted people do on the emulated GitHub besides webhooks: react to a comment, resolve
 * a thread, reply; and the review threads as GitHub's GraphQL API lists them.
 *
 * <p>The emulator's {@code react(commentId, "+1"|"-1", user)}, {@code resolveThread(threadId,
 * user)} and {@code reply(commentId, user, text)} come with issue 15's {@code outcomes} branch;
 * until it is merged they do not exist, so they are called by name and {@link #supported()} says
 * whether they are there (after the merge these can become plain calls). Threads are read through
 * GitHub's own GraphQL schema ({@code reviewThreads}), which is fixed whatever the emulator's
 * internals.
 */
final class TeamGitHub {

  /** A review thread as GitHub's GraphQL API lists it. */
  record Thread(
      String id, boolean resolved, String resolvedBy, List<Long> commentIds, List<String> authors) {
    Thread {
      commentIds = List.copyOf(commentIds);
      authors = List.copyOf(authors);
    }

    String startedBy() {
      return authors.isEmpty() ? null : authors.get(0);
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  static final String THREADS_QUERY =
      "query($owner: String!, $name: String!, $number: Int!) { repository(owner: $owner, name:"
          + " $name) { pullRequest(number: $number) { reviewThreads(first: 100) { nodes { id"
          + " isResolved resolvedBy { login } comments(first: 100) { nodes { databaseId author {"
          + " login } } } } } } } }";

  private final GitHubEmulator github;
  private final String token;

  TeamGitHub(GitHubEmulator github, String token) {
    this.github = github;
    this.token = token;
  }

  /** Whether the emulator has the people's actions (issue 15's {@code outcomes} branch). */
  boolean supported() {
    return method("react", 3).isPresent()
        && method("resolveThread", 2).isPresent()
        && method("reply", 3).isPresent();
  }

  /** 👍 ({@code +1}) or 👎 ({@code -1}) by {@code user}; false when the emulator cannot. */
  boolean react(long commentId, String content, String user) {
    return call("react", commentId, content, user).isPresent();
  }

  /** Marks the thread resolved by {@code user}; false when the emulator cannot. */
  boolean resolveThread(String threadId, String user) {
    return call("resolveThread", threadId, user).isPresent();
  }

  /**
   * {@code user}'s reply to a comment; its id, or empty when the emulator cannot reply (the webhook
   * alone is then all GitHub said).
   */
  Optional<Long> reply(long commentId, String user, String text) {
    return call("reply", commentId, user, text).map(TeamGitHub::idOf);
  }

  /**
   * The pull request's review threads through {@code POST /graphql}; empty when the emulator does
   * not answer GraphQL yet.
   */
  List<Thread> threads(String repository, int number) throws IOException, InterruptedException {
    ObjectNode request = EventJson.mapper().createObjectNode().put("query", THREADS_QUERY);
    request
        .putObject("variables")
        .put("owner", repository.substring(0, repository.indexOf('/')))
        .put("name", repository.substring(repository.indexOf('/') + 1))
        .put("number", number);
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(github.baseUrl() + "/graphql"))
                .header("Authorization", "bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      return List.of();
    }
    return parseThreads(EventJson.mapper().readTree(answer.body()));
  }

  static List<Thread> parseThreads(JsonNode answer) {
    List<Thread> threads = new ArrayList<>();
    JsonNode nodes =
        answer.path("data").path("repository").path("pullRequest").path("reviewThreads");
    for (JsonNode t : nodes.path("nodes")) {
      List<Long> ids = new ArrayList<>();
      List<String> authors = new ArrayList<>();
      for (JsonNode c : t.path("comments").path("nodes")) {
        ids.add(c.path("databaseId").asLong());
        authors.add(c.path("author").path("login").asText(null));
      }
      threads.add(
          new Thread(
              t.path("id").asText(),
              t.path("isResolved").asBoolean(),
              t.path("resolvedBy").path("login").asText(null),
              ids,
              authors));
    }
    return threads;
  }

  // ---------------------------------------------------------------- by name, until the merge

  private Optional<Method> method(String name, int parameters) {
    return Arrays.stream(GitHubEmulator.class.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == parameters)
        .findFirst();
  }

  /** Empty when the emulator has no such method; the result (or {@code true} for void) else. */
  private Optional<Object> call(String name, Object... args) {
    Optional<Method> found = method(name, args.length);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Method m = found.get();
    Object[] converted = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      converted[i] = convert(args[i], m.getParameterTypes()[i]);
    }
    try {
      Object result = m.invoke(github, converted);
      return Optional.of(result == null ? Boolean.TRUE : result);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(name + " failed in the emulator", e.getCause());
    }
  }

  private static Object convert(Object arg, Class<?> type) {
    if ((type == long.class || type == Long.class) && arg instanceof Number n) {
      return n.longValue();
    }
    if ((type == int.class || type == Integer.class) && arg instanceof Number n) {
      return n.intValue();
    }
    if (type == String.class && !(arg instanceof String)) {
      return String.valueOf(arg);
    }
    return arg;
  }

  /** A reply's id: a number, or a record with {@code id()}. */
  private static Long idOf(Object result) {
    if (result instanceof Number n) {
      return n.longValue();
    }
    try {
      return ((Number) result.getClass().getMethod("id").invoke(result)).longValue();
    } catch (ReflectiveOperationException | ClassCastException e) {
      return null;
    }
  }
}
