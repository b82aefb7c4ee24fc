package dev.attentive.models.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command line {@code COMMAND [ARGUMENT] --name value ...}.
 *
 * @param argument the word after the command when it is not an option (the file of {@code find}),
 *     else null
 * @param values the options in the order given (the training run records them)
 */
record Options(String command, String argument, Map<String, String> values) {

  static Options parse(String... args) {
    String argument = args.length > 1 && !args[1].startsWith("--") ? args[1] : null;
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = argument != null ? 2 : 1; i < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException(
            "expected --option value, got " + args[i] + " in " + Arrays.toString(args));
      }
      // An option followed by another option (or by nothing) is a flag: --resume.
      if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        values.put(args[i].substring(2), "true");
        i--;
        continue;
      }
      values.put(args[i].substring(2), args[i + 1]);
    }
    return new Options(args.length > 0 ? args[0] : "", argument, values);
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(get(name, Integer.toString(fallback)));
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(get(name, "false"));
  }

  Path path(String name, Path fallback) {
    return Path.of(get(name, fallback.toString()));
  }
}
