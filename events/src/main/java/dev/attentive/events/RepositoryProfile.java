package dev.attentive.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a repository's own Java code says about its style: the conventions ingest learned from a
 * bounded, deterministic sample of its default branch (see docs/style.md). The value of the
 * compacted topic {@link Topics#REPO_PROFILES}, keyed by {@link #repository()}; the reviewer reads
 * it as a table and comments only on changed lines that break an {@link Convention#enforced()}
 * convention.
 *
 * @param repository {@code owner/name}
 * @param defaultBranch the branch learned from
 * @param sha the commit of {@code defaultBranch} the sample was read at
 * @param learnedAt when the profile was computed (refreshed past a configured age)
 * @param sample how much was read, and what was skipped
 * @param conventions every convention that was measured, enforced or not, in rule-id order
 * @param tools the style tools the repository itself declares (a Checkstyle file, a formatter
 *     plugin); never null
 * @param notes what a maintainer should know about the profile (files that did not parse, caps
 *     reached, a formatter that is not supported), one sentence each; never null
 */
public record RepositoryProfile(
    int schemaVersion,
    String repository,
    String defaultBranch,
    String sha,
    Instant learnedAt,
    ProfileSample sample,
    List<Convention> conventions,
    StyleTools tools,
    List<String> notes)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  public RepositoryProfile {
    conventions = conventions == null ? List.of() : List.copyOf(conventions);
    tools = tools == null ? StyleTools.NONE : tools;
    notes = notes == null ? List.of() : List.copyOf(notes);
    sample = sample == null ? ProfileSample.EMPTY : sample;
  }

  /** The convention with this rule id, enforced or not. */
  public Optional<Convention> convention(String ruleId) {
    return conventions.stream().filter(c -> c.ruleId().equals(ruleId)).findFirst();
  }

  /** The conventions the reviewer enforces. */
  @JsonIgnore
  public List<Convention> enforced() {
    return conventions.stream().filter(Convention::enforced).toList();
  }
}
