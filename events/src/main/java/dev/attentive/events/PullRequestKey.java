package dev.attentive.events;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record key of everything about one pull request: {@code owner/repo#number}. Used as a plain
 * string key so that the default partitioner maps one PR to one partition in every topic, whichever
 * client writes it.
 */
public record PullRequestKey(String repository, int number) {

  private static final Pattern FORMAT = Pattern.compile("^([^/#\\s]+/[^/#\\s]+)#(\\d+)$");

  public PullRequestKey {
    Objects.requireNonNull(repository, "repository");
    if (!repository.contains("/")) {
      throw new IllegalArgumentException("repository must be owner/name, was " + repository);
    }
    if (number <= 0) {
      throw new IllegalArgumentException("pull request number must be positive, was " + number);
    }
  }

  public static PullRequestKey parse(String key) {
    Matcher m = FORMAT.matcher(key == null ? "" : key);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a pull request key (owner/repo#number): " + key);
    }
    return new PullRequestKey(m.group(1), Integer.parseInt(m.group(2)));
  }

  /** The wire form of the key. */
  public String value() {
    return repository + "#" + number;
  }

  @Override
  public String toString() {
    return value();
  }
}
