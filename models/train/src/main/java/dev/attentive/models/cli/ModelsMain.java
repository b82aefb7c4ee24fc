package dev.attentive.models.cli;

import java.util.List;

/**
 * {@code bin/attentive model COMMAND ...}: the model's whole life from the command line (see
 * models/README.md), one class per command. Run from the repository root.
 */
public final class ModelsMain {

  static final List<Command> COMMANDS =
      List.of(
          new DatasetCommand(),
          new TrainCommand(),
          new CalibrateCommand(),
          new ShipCommand(),
          new EvalCommand(),
          new BenchCommand(),
          new FindCommand(),
          new MineCommand(),
          new MineReleasesCommand(),
          new ScoreReadsCommand(),
          new FinetuneCommand(),
          new FinetuneEvalCommand());

  private ModelsMain() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    if (List.of("", "help", "--help", "-h").contains(options.command())) {
      usage();
      return;
    }
    Command command =
        COMMANDS.stream().filter(c -> c.name().equals(options.command())).findFirst().orElse(null);
    if (command == null) {
      System.err.println("unknown command: " + options.command());
      usage();
      System.exit(2);
    }
    command.run(options);
    // DJL and TensorFlow leave non-daemon threads behind.
    System.exit(0);
  }

  private static void usage() {
    StringBuilder out = new StringBuilder("usage:");
    for (Command command : COMMANDS) {
      out.append(String.format("%n  bin/attentive model %s", command.usage()));
    }
    System.err.println(out);
  }
}
