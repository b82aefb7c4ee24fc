package dev.attentive.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One of our Quarkus services, run as its own JVM exactly as it would be deployed, logging to a
 * file.
 */
final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;
  private final int port;

  private ServiceProcess(String name, Process process, Path log, int port) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * How long a stopping service is waited for before it is killed: past its own bound, {@code
   * attentive.<service>.shutdown-timeout} (25 s).
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(45);

  /** Quick start-up for the local stack: the services live for a minute. */
  static final List<String> QUICK_START =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  static ServiceProcess start(
      String name, Path jar, int port, Map<String, String> env, Path workDir) throws IOException {
    return start(name, jar, port, env, workDir, QUICK_START);
  }

  static ServiceProcess start(
      String name,
      Path jar,
      int port,
      Map<String, String> env,
      Path workDir,
      List<String> jvmOptions)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build first (mvn -B -DskipTests install)");
    }
    Files.createDirectories(workDir);
    Path log = workDir.resolve(name + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder =
        processBuilder(command, env, port).redirectErrorStream(true).redirectOutput(log.toFile());
    return new ServiceProcess(name, builder.start(), log, port);
  }

  /**
   * The process with exactly {@code env} and its port: the launcher's own environment (which may
   * hold GITHUB_TOKEN or the webhook secret) is not inherited.
   */
  static ProcessBuilder processBuilder(List<String> command, Map<String, String> env, int port) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    return builder;
  }

  /** Waits until {@code /q/health/ready} answers UP (Kafka reachable, stream running). */
  void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        last = r.statusCode() + " " + r.body();
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        name + " not ready after " + timeout + " (" + last + "); see " + log);
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * CPU time the JVM has used so far (user and system, all threads); zero where the platform does
   * not tell or the process has ended.
   */
  Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** {@code kill -9}: no shutdown hook, no commit, no goodbye to the group; waits for the exit. */
  void kill9() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks the service to stop (SIGTERM); {@link #awaitExit} waits for it. */
  void stop() {
    process.destroy();
  }

  /** Waits for the exit, then kills the service if it is still running. */
  void awaitExit(Duration grace) {
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
    awaitExit(STOP_GRACE);
  }
}
