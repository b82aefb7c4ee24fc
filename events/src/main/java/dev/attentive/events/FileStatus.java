package dev.attentive.events;

import java.util.Locale;

/** GitHub's {@code status} of a changed file in a pull request. */
public enum FileStatus {
  ADDED,
  MODIFIED,
  REMOVED,
  RENAMED,
  COPIED,
  CHANGED,
  UNCHANGED;

  public static FileStatus fromGitHub(String status) {
    if (status == null) {
      return MODIFIED;
    }
    try {
      return valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return CHANGED;
    }
  }
}
