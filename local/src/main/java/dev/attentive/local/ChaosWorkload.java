package dev.attentive.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.PullRequestFixture;
import dev.attentive.testkit.github.RepositoryContents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The chaos bench's pushes, the same for a seed whatever else happens: {@code repos} repositories,
 * pull requests of one to five pushes ({@code opened}, then {@code synchronize} with a new head),
 * interleaved across pull requests. Each push adds one new Java file of 20 to 90 lines and leaves
 * the earlier ones as they were, so a finding has the same path, line and text whichever head it is
 * first reported on: a review of a head that GitHub has already moved past (ingest lists the pull
 * request's current files) reports the same findings as the reviews it supersedes would have.
 */
record ChaosWorkload(long seed, List<String> repositories, List<Push> pushes) {

  static final String BASE = "0".repeat(40);

  /** One file of a pull request: added in the push {@code step}. */
  record FileAt(String path, String source, int step) {}

  /**
   * One push: the pull request's head moves to {@code head} (from {@code before}, null when it is
   * opened) and GitHub sends a {@code pull_request} webhook.
   */
  record Push(
      int index,
      String repository,
      int number,
      int step,
      boolean last,
      String head,
      String before,
      String deliveryId,
      long installation,
      List<FileAt> files) {

    String action() {
      return step == 1 ? "opened" : "synchronize";
    }

    String pullRequest() {
      return repository + "#" + number;
    }

    /** The pull request on GitHub as it is after this push: its head and every file so far. */
    void register(GitHubEmulator github) {
      PullRequestFixture pr =
          github
              .pullRequest(repository, number)
              .head(head)
              .base(BASE)
              .headRef("chaos-" + number)
              .clearFiles();
      for (FileAt f : files) {
        pr.file(f.path(), "added", SyntheticJava.newFilePatch(f.source()));
      }
      pr.register();
    }

    byte[] payload() {
      ObjectNode root = EventJson.mapper().createObjectNode();
      root.put("action", action()).put("number", number);
      if (before != null) {
        root.put("before", before).put("after", head);
      }
      ObjectNode pr = root.putObject("pull_request");
      pr.put("number", number).put("state", "open").put("draft", false);
      pr.putObject("head").put("sha", head).put("ref", "chaos-" + number);
      pr.putObject("base").put("sha", BASE).put("ref", "main");
      root.putObject("repository")
          .put("full_name", repository)
          .put("name", repository.substring(repository.indexOf('/') + 1))
          .put("default_branch", "main");
      root.putObject("installation").put("id", installation);
      try {
        return EventJson.mapper().writeValueAsBytes(root);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static ChaosWorkload generate(long seed, int pushCount, int repoCount) {
    Random random = new Random(seed);
    List<String> repos = new ArrayList<>();
    for (int r = 0; r < repoCount; r++) {
      repos.add(String.format("chaos-%02d/service-%02d", r, r));
    }
    // Pull requests of 1..5 pushes until the count is reached; then their pushes interleaved.
    List<List<Push>> perPr = new ArrayList<>();
    int[] nextNumber = new int[repoCount];
    int planned = 0;
    while (planned < pushCount) {
      int repo = perPr.size() < repoCount ? perPr.size() : random.nextInt(repoCount);
      int number = ++nextNumber[repo];
      int steps = Math.min(1 + random.nextInt(5), pushCount - planned);
      List<Push> pushes = new ArrayList<>();
      List<FileAt> files = new ArrayList<>();
      String before = null;
      for (int step = 1; step <= steps; step++) {
        String cls = String.format("Part%02dx%02d", number, step);
        int lines = 20 + random.nextInt(71);
        files.add(
            new FileAt(
                "src/main/java/chaos/pr" + number + "/" + cls + ".java",
                SyntheticJava.source("chaos.pr" + number, cls, lines, number * 100 + step),
                step));
        String head = sha(seed, repos.get(repo), number, step);
        pushes.add(
            new Push(
                -1,
                repos.get(repo),
                number,
                step,
                step == steps,
                head,
                before,
                uuid(seed, "delivery " + repos.get(repo) + "#" + number + " step " + step),
                1000L + repo,
                List.copyOf(files)));
        before = head;
      }
      perPr.add(pushes);
      planned += steps;
    }
    List<Push> order = new ArrayList<>();
    List<Integer> cursors = new ArrayList<>();
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < perPr.size(); i++) {
      cursors.add(0);
      open.add(i);
    }
    while (!open.isEmpty()) {
      int slot = random.nextInt(Math.min(open.size(), 6));
      int pr = open.get(slot);
      Push p = perPr.get(pr).get(cursors.get(pr));
      order.add(
          new Push(
              order.size(),
              p.repository(),
              p.number(),
              p.step(),
              p.last(),
              p.head(),
              p.before(),
              p.deliveryId(),
              p.installation(),
              p.files()));
      cursors.set(pr, cursors.get(pr) + 1);
      if (cursors.get(pr) == perPr.get(pr).size()) {
        open.remove(slot);
      }
    }
    return new ChaosWorkload(seed, List.copyOf(repos), List.copyOf(order));
  }

  /**
   * Serves every file's content at every head of its pull request, before anything is pushed:
   * ingest reads a file at the head a delivery names, which may be older than the file.
   */
  void serveContents(GitHubEmulator github) {
    for (Push p : pushes) {
      if (p.last()) {
        for (Push at : pushes) {
          if (at.repository().equals(p.repository()) && at.number() == p.number()) {
            for (FileAt f : p.files()) {
              RepositoryContents.serve(github, p.repository(), at.head(), f.path(), f.source());
            }
          }
        }
      }
    }
  }

  private static String sha(long seed, String repo, int number, int step) {
    return (uuid(seed, "head " + repo + "#" + number + " step " + step)
            + uuid(seed, "more " + repo + "#" + number + " step " + step))
        .replace("-", "")
        .substring(0, 40);
  }

  private static String uuid(long seed, String what) {
    return UUID.nameUUIDFromBytes((seed + " " + what).getBytes(StandardCharsets.UTF_8)).toString();
  }
}
