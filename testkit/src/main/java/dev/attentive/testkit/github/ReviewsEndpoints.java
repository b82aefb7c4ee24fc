package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pull request reviews, per registered pull request: {@code POST /repos/{o}/{r}/pulls/{n}/reviews}
 * validates the review as GitHub does (see {@link ReviewStore}) and records it, or refuses it whole
 * with 422; {@code GET .../pulls/{n}/reviews} and {@code GET .../pulls/{n}/comments} list what was
 * recorded, paginated.
 */
final class ReviewsEndpoints {

  private static final Pattern REVIEWS_PATH =
      Pattern.compile("/repos/([^/]+)/([^/]+)/pulls/([0-9]+)/(reviews|comments)");

  private final Stubs stubs;
  private final UsersEndpoints users;
  private final ReviewStore store;

  ReviewsEndpoints(Stubs stubs, UsersEndpoints users) {
    this.stubs = stubs;
    this.users = users;
    this.store = new ReviewStore(stubs.json(), stubs.baseUrl());
  }

  void install() {
    stubs.serve("POST", "/repos/[^/]+/[^/]+/pulls/[0-9]+/reviews", this::create);
    stubs.serve("GET", REVIEWS_PATH.pattern(), this::list);
  }

  void register(PullRequestFixture pr, List<PullRequestFixture.FileChange> listed) {
    store.register(pr, listed);
  }

  List<PostedReview> posted(String ownerRepo, int number) {
    return store.posted(Stubs.key(ownerRepo, number));
  }

  PostedReview add(
      String ownerRepo, int number, String login, String body, List<NewReviewComment> comments) {
    return store.add(
        Stubs.key(ownerRepo, number),
        Objects.requireNonNull(login, "login"),
        null,
        Objects.requireNonNull(body, "body"),
        comments);
  }

  void reset() {
    store.clear();
  }

  ReviewStore store() {
    return store;
  }

  private EmulatedResponse create(RecordedRequest request) {
    Matcher m = REVIEWS_PATH.matcher(request.path());
    if (!m.matches()) {
      return Stubs.notFound();
    }
    JsonNode review;
    try {
      review = GitHubJson.MAPPER.readTree(request.body().isEmpty() ? "{}" : request.body());
    } catch (IOException e) {
      review = null;
    }
    if (review == null || !review.isObject()) {
      return EmulatedResponse.json(
          400, GitHubJson.write(GitHubJson.error("Problems parsing JSON")));
    }
    ReviewStore.Answer answer = store.create(key(m), review, users.login());
    return EmulatedResponse.json(answer.status(), answer.body());
  }

  private EmulatedResponse list(RecordedRequest request) {
    Matcher m = REVIEWS_PATH.matcher(request.path());
    if (!m.matches() || !store.knows(key(m))) {
      return Stubs.notFound();
    }
    String key = key(m);
    return Pagination.page(
        request,
        m.group(4).equals("reviews") ? store.reviews(key) : store.comments(key),
        stubs.baseUrl());
  }

  private static String key(Matcher m) {
    return Stubs.key(m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3)));
  }
}
