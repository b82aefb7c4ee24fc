package dev.attentive.models.cli;

import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.serve.ShippedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a trained model into the serve module's sources, where the reviewer's jar takes it from: the
 * one command that writes there. Copies the files that ship (no optimizer state, no stray files)
 * after checking they are all present and the model info is of the format this build reads.
 */
final class ShipCommand implements Command {

  @Override
  public String name() {
    return "ship";
  }

  @Override
  public String usage() {
    return "ship [--model " + ModelPaths.TRAINED + "] [--to " + ModelPaths.SHIPPED + "]";
  }

  @Override
  public void run(Options options) throws Exception {
    Path from = options.path("model", ModelPaths.TRAINED);
    Path to = options.path("to", ModelPaths.SHIPPED);
    for (String file : ShippedModel.FILES) {
      if (!Files.isRegularFile(from.resolve(file))) {
        throw new IOException(
            from.resolve(file) + " is missing: train (or calibrate) the model first");
      }
    }
    ModelInfo info = ModelInfo.read(from);
    for (String file : ShippedModel.FILES) {
      Path target = to.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(from.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
    }
    System.out.printf(
        "shipped %s (%s, threshold %.3f) into %s; rebuild (ATTENTIVE_BUILD=always) and commit it%n",
        from, info.modelVersion(), info.threshold(), to);
  }
}
