package dev.attentive.models.cli;

/** One {@code bin/attentive model} command. */
interface Command {

  String name();

  /** Its usage line, after {@code bin/attentive model}. */
  String usage();

  void run(Options options) throws Exception;
}
