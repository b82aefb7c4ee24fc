package dev.attentive.local;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each service JVM of the local stack may see: a few harmless variables of the launcher's
 * environment and, from the stack's own settings, only what that service reads. Nothing else is
 * inherited, so a GITHUB_TOKEN, App key or webhook secret in the developer's shell reaches the
 * services that use it and never the reviewer, which runs code analysis on pull-request content.
 */
final class ServiceEnvironment {

  /** Taken from the launcher's environment when set: locale, time zone, paths, no secrets. */
  static final Set<String> INHERITED =
      Set.of("PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "JAVA_HOME");

  /** The stack settings each service reads (see each service's application.properties). */
  static final Map<String, Set<String>> READS =
      Map.of(
          "ingest",
          Set.of(
              "KAFKA_BOOTSTRAP_SERVERS",
              "ATTENTIVE_STATE_DIR",
              "ATTENTIVE_WEBHOOK_SECRET",
              "GITHUB_API_URL",
              "GITHUB_TOKEN",
              "ATTENTIVE_PARENT_PID"),
          "reviewer",
          Set.of(
              "KAFKA_BOOTSTRAP_SERVERS",
              "ATTENTIVE_STATE_DIR",
              "ATTENTIVE_PARENT_PID",
              "ATTENTIVE_REVIEWER_ANALYZERS",
              "KAFKA_STREAMS_PRODUCER_TRANSACTION_TIMEOUT_MS"),
          "publisher",
          Set.of(
              "KAFKA_BOOTSTRAP_SERVERS",
              "ATTENTIVE_STATE_DIR",
              "GITHUB_API_URL",
              "GITHUB_TOKEN",
              "ATTENTIVE_PARENT_PID"));

  private ServiceEnvironment() {}

  /**
   * The complete environment of one service.
   *
   * @param launcher the launcher's own environment ({@code System.getenv()})
   * @param stack every setting of the stack (Kafka, state dir, secret, GitHub URL and token)
   */
  static Map<String, String> of(
      String service, Map<String, String> launcher, Map<String, String> stack) {
    Set<String> reads = READS.get(service);
    if (reads == null) {
      throw new IllegalArgumentException("unknown service " + service);
    }
    Map<String, String> env = new TreeMap<>();
    launcher.forEach(
        (name, value) -> {
          if (INHERITED.contains(name)) {
            env.put(name, value);
          }
        });
    stack.forEach(
        (name, value) -> {
          if (reads.contains(name) && value != null) {
            env.put(name, value);
          }
        });
    return env;
  }
}
