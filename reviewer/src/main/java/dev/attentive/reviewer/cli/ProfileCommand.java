package dev.attentive.reviewer.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.LocalCheckout;
import dev.attentive.events.Convention;
import dev.attentive.events.EventJson;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.StyleTools;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code attentive profile --repo DIR [--format text|json]}: the conventions Attentive learns from
 * a checkout — the same sample, rules and bar as ingest uses on a default branch — with their
 * evidence, enforced or not. Exit 0; 2 for usage errors.
 */
public final class ProfileCommand {

  static final String USAGE =
      """
      usage: attentive profile --repo DIR [--format text|json]
        --repo DIR     a checkout of the repository (its working tree is read; .git is not)
        --format       text (default) or json (the RepositoryProfile event the service publishes)
      """;

  private ProfileCommand() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    String repo = null;
    String format = "text";
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--repo" -> repo = value(args, ++i, "--repo");
          case "--format" -> format = value(args, ++i, "--format");
          case "-h", "--help" -> {
            out.print(USAGE);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
        }
      }
      if (repo == null) {
        throw new IllegalArgumentException("--repo is required");
      }
      if (!format.equals("text") && !format.equals("json")) {
        throw new IllegalArgumentException("--format must be text or json, not '" + format + "'");
      }
      Path dir = Path.of(repo);
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException(repo + " is not a directory");
      }
      LocalCheckout checkout = new LocalCheckout(dir);
      RepositoryProfile profile = checkout.profile(checkout.name());
      out.print(format.equals("json") ? json(profile) : text(profile));
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("attentive profile: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (IOException e) {
      err.println("attentive profile: cannot read " + e.getMessage());
      return 2;
    }
  }

  static String json(RepositoryProfile profile) throws IOException {
    return EventJson.mapper()
            .copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(profile)
        + "\n";
  }

  static String text(RepositoryProfile profile) {
    StringBuilder b = new StringBuilder();
    var s = profile.sample();
    b.append("Conventions of ")
        .append(profile.repository())
        .append(
            String.format(
                Locale.ROOT,
                ": learned from %,d of %,d Java files (%,d lines, %,d KiB)%n",
                s.sampledFiles(),
                s.javaFiles(),
                s.lines(),
                s.bytes() / 1024));
    StyleTools tools = profile.tools();
    b.append("Declared tools: ");
    if (tools.checkstylePath() == null && tools.formatter() == null) {
      b.append("none (only the learned conventions are checked)");
    } else {
      if (tools.checkstylePath() != null) {
        b.append("Checkstyle ").append(tools.checkstylePath());
      }
      if (tools.formatter() != null) {
        b.append(tools.checkstylePath() != null ? "; " : "")
            .append("formatter ")
            .append(tools.formatter())
            .append(" (")
            .append(tools.formatterSource())
            .append(")");
      }
    }
    b.append("\n\n");
    Dominance bar = Dominance.DEFAULT;
    b.append(
        String.format(
            Locale.ROOT,
            "Enforced (a value followed by at least %d %% of at least %d occurrences; declarations %d):%n",
            Math.round(bar.minShare() * 100),
            bar.minOccurrences(),
            Dominance.DECLARATIONS.minOccurrences()));
    profile.enforced().forEach(c -> b.append(line(c)));
    if (profile.enforced().isEmpty()) {
      b.append("  (none)\n");
    }
    b.append("\nMeasured, not enforced (mixed, or seen too rarely):\n");
    profile.conventions().stream().filter(c -> !c.enforced()).forEach(c -> b.append(line(c)));
    if (!profile.notes().isEmpty()) {
      b.append("\nNotes:\n");
      profile.notes().forEach(n -> b.append("  - ").append(n).append('\n'));
    }
    return b.toString();
  }

  private static String line(Convention c) {
    return String.format(
        Locale.ROOT,
        "  %-30s %-14s %5.1f %%  %s%n",
        c.ruleId(),
        c.value() == null ? "-" : c.value(),
        c.share() * 100,
        c.evidence());
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
