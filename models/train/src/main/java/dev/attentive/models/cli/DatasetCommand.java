package dev.attentive.models.cli;

/** Resolves the pinned sources jars and builds (and caches) the dataset. */
final class DatasetCommand implements Command {

  @Override
  public String name() {
    return "dataset";
  }

  @Override
  public String usage() {
    return "dataset [--libraries "
        + ModelPaths.LIBRARIES
        + "] [--files 400] [--windows 14] [--cache FILE]";
  }

  @Override
  public void run(Options options) throws Exception {
    DatasetCache.load(options);
  }
}
