package dev.attentive.reviewer.analysis.dependencies;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.ConfigurationProperties;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.supplier.RepositorySystemSupplier;

/**
 * A repository's declared Maven dependencies, with their transitive ones, as jars for javac's
 * classpath: Maven Resolver (Maven 3's rules: nearest version wins, test and optional transitive
 * dependencies left out) through one configured repository or proxy, into a local repository that
 * is the cache across reviews. Bounded per pom: {@link DependenciesConfig#maxArtifacts()} jars,
 * {@link DependenciesConfig#maxBytes()} bytes, {@link DependenciesConfig#timeout()} in all (a
 * resolution that runs out of time goes on in the background and fills the cache for the next
 * review). The result for a pom's text is kept in memory.
 */
public final class DependencyResolver implements AutoCloseable {

  /** How many poms' results are kept in memory. */
  private static final int REMEMBERED = 64;

  /**
   * The jars found, and what was left out and why (for the review's summary).
   *
   * @param complete whether every declared dependency and its transitive ones are on the classpath
   */
  public record Resolution(List<Path> classpath, List<String> notes, boolean complete) {
    public Resolution {
      classpath = List.copyOf(classpath);
      notes = List.copyOf(notes);
    }
  }

  private final DependenciesConfig config;
  private final RepositorySystem system;
  private final RemoteRepository repository;
  private final ExecutorService background;
  private final Map<String, Future<Resolution>> remembered =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Future<Resolution>> eldest) {
          return size() > REMEMBERED;
        }
      };

  public DependencyResolver(DependenciesConfig config) {
    this.config = config;
    this.system = new RepositorySystemSupplier().get();
    this.repository =
        new RemoteRepository.Builder("attentive-dependencies", "default", config.repositoryUrl())
            .setPolicy(
                new RepositoryPolicy(
                    true,
                    RepositoryPolicy.UPDATE_POLICY_NEVER,
                    RepositoryPolicy.CHECKSUM_POLICY_WARN))
            .build();
    this.background =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "attentive-dependencies");
              t.setDaemon(true);
              return t;
            });
  }

  public DependenciesConfig config() {
    return config;
  }

  /** The classpath for the dependencies {@code pom} declares; waits at most the timeout. */
  public Resolution resolve(String pom) throws InterruptedException {
    Future<Resolution> future;
    synchronized (remembered) {
      String key = sha256(pom);
      future = remembered.get(key);
      if (future == null || (future.isDone() && !succeeded(future))) {
        future = background.submit(() -> resolveNow(pom));
        remembered.put(key, future);
      }
    }
    try {
      return future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return new Resolution(
          List.of(),
          List.of(
              "the project's dependencies were not resolved within "
                  + config.timeout()
                  + " (still being fetched into the cache for the next review)"),
          false);
    } catch (ExecutionException e) {
      return new Resolution(
          List.of(),
          List.of("the project's dependencies could not be resolved: " + e.getCause()),
          false);
    }
  }

  private static boolean succeeded(Future<Resolution> f) {
    try {
      return f.get().complete() || !f.get().classpath().isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false;
    }
  }

  private Resolution resolveNow(String pom) throws Exception {
    PomDependencies.Read read = PomDependencies.read(pom);
    List<String> notes = new ArrayList<>(read.notes());
    if (read.dependencies().isEmpty()) {
      return new Resolution(List.of(), notes, notes.isEmpty());
    }
    long deadline = System.nanoTime() + config.timeout().toNanos();
    DefaultRepositorySystemSession session = session();
    CollectRequest collect = new CollectRequest();
    collect.setRepositories(List.of(repository));
    for (PomDependencies.Declared d : read.dependencies()) {
      collect.addDependency(
          new Dependency(
              new DefaultArtifact(
                  d.groupId(), d.artifactId(), d.classifier(), extension(d.type()), d.version()),
              d.scope()));
    }
    // The graph (poms only), then the jars nearest first, within the bounds.
    DependencyNode root;
    boolean complete = read.notes().isEmpty();
    try {
      root = system.collectDependencies(session, collect).getRoot();
    } catch (org.eclipse.aether.collection.DependencyCollectionException e) {
      root = e.getResult().getRoot(); // what could be collected; the rest is named below
      notes.add("some dependencies could not be collected: " + e.getMessage());
      complete = false;
    }
    if (root == null) {
      return new Resolution(List.of(), notes, false);
    }
    List<Artifact> artifacts = nearestFirst(root);
    List<Path> classpath = new ArrayList<>();
    long bytes = 0;
    for (Artifact artifact : artifacts) {
      if (classpath.size() >= config.maxArtifacts()) {
        notes.add(
            "the project's dependencies were capped at "
                + config.maxArtifacts()
                + " jars (attentive.reviewer.dependencies.max-artifacts) of "
                + artifacts.size());
        complete = false;
        break;
      }
      if (System.nanoTime() > deadline) {
        notes.add("the project's dependencies ran out of time after " + classpath.size() + " jars");
        complete = false;
        break;
      }
      ArtifactResult result;
      try {
        result =
            system.resolveArtifact(
                session, new ArtifactRequest(artifact, List.of(repository), null));
      } catch (org.eclipse.aether.resolution.ArtifactResolutionException e) {
        notes.add(artifact + " could not be resolved: left out");
        complete = false;
        continue;
      }
      Path file = result.getArtifact().getFile().toPath();
      long size = Files.size(file);
      if (bytes + size > config.maxBytes()) {
        notes.add(
            "the project's dependencies were capped at "
                + config.maxBytes()
                + " bytes (attentive.reviewer.dependencies.max-bytes): "
                + artifact
                + " and later ones left out");
        complete = false;
        break;
      }
      bytes += size;
      classpath.add(file);
    }
    return new Resolution(classpath, notes, complete);
  }

  /** The graph's jars breadth first: direct dependencies, then theirs, ... (each once). */
  private static List<Artifact> nearestFirst(DependencyNode root) {
    List<Artifact> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<DependencyNode> queue = new java.util.ArrayDeque<>(root.getChildren());
    while (!queue.isEmpty()) {
      DependencyNode node = queue.poll();
      Dependency d = node.getDependency();
      if (d != null
          && d.getArtifact() != null
          && "jar".equals(d.getArtifact().getExtension())
          && PomDependencies.SCOPES.contains(d.getScope())
          && seen.add(d.getArtifact().toString())) {
        out.add(d.getArtifact());
      }
      queue.addAll(node.getChildren());
    }
    return out;
  }

  private DefaultRepositorySystemSession session() {
    DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
    session.setLocalRepositoryManager(
        system.newLocalRepositoryManager(session, new LocalRepository(config.cacheDir().toFile())));
    int millis = (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis());
    session.setConfigProperty(ConfigurationProperties.CONNECT_TIMEOUT, millis);
    session.setConfigProperty(ConfigurationProperties.REQUEST_TIMEOUT, millis);
    session.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_NEVER);
    // the dependencies' poms activate profiles by JDK and OS, as in a build on this machine
    Map<String, String> system = new LinkedHashMap<>();
    System.getProperties().forEach((k, v) -> system.put(k.toString(), v.toString()));
    session.setSystemProperties(system);
    return session;
  }

  private static String extension(String type) {
    return switch (type) {
      case "test-jar", "ejb", "maven-plugin", "bundle" -> "jar";
      default -> type;
    };
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    background.shutdownNow();
    system.shutdown();
  }
}
