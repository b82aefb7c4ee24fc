package dev.attentive.ingest.fetch;

import dev.attentive.settings.Glob;
import java.nio.file.Path;
import java.util.List;

/**
 * Paths that are never reviewed: lock files, vendored and generated code, minified assets. Patterns
 * are globs; like .gitignore, a pattern without a slash matches a file name in any directory, and a
 * {@code dir/**} pattern matches that directory at any depth. Matching takes time linear in the
 * path ({@link Glob}): the patterns come from repositories' {@code .attentive.yml}.
 */
public final class IgnoreRules {

  public static final List<String> DEFAULTS =
      List.of(
          // dependency lock files
          "package-lock.json",
          "npm-shrinkwrap.json",
          "yarn.lock",
          "pnpm-lock.yaml",
          "bun.lockb",
          "Gemfile.lock",
          "Cargo.lock",
          "go.sum",
          "poetry.lock",
          "Pipfile.lock",
          "uv.lock",
          "composer.lock",
          "gradle.lockfile",
          "packages.lock.json",
          "pubspec.lock",
          "mix.lock",
          "flake.lock",
          "Podfile.lock",
          // vendored and dependency directories
          "vendor/**",
          "node_modules/**",
          "third_party/**",
          "third-party/**",
          "bower_components/**",
          // generated code
          "generated/**",
          "generated-sources/**",
          "__generated__/**",
          "*.pb.go",
          "*_pb2.py",
          "*_pb2_grpc.py",
          "*.pb.h",
          "*.pb.cc",
          "*.g.dart",
          "*.freezed.dart",
          "*.designer.cs",
          "*.generated.*",
          // minified and mapped assets
          "*.min.js",
          "*.min.css",
          "*.js.map",
          "*.css.map",
          // snapshots
          "__snapshots__/**",
          "*.snap");

  private final List<Glob> matchers;

  public IgnoreRules(List<String> patterns) {
    this.matchers =
        patterns.stream()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .map(p -> p.startsWith("/") ? p.substring(1) : "{,**/}" + p)
            .map(Glob::compile)
            .toList();
  }

  public static IgnoreRules defaults() {
    return new IgnoreRules(DEFAULTS);
  }

  public boolean ignores(String path) {
    // As a Path names it: no doubled or trailing slashes.
    String p = Path.of(path).toString();
    return matchers.stream().anyMatch(m -> m.matches(p));
  }
}
