package dev.attentive.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A launcher for {@link ShutdownEndToEndTest} to kill: starts the publisher as the local stack
 * does, writes its pid to {@code args[1]} and waits to be killed.
 */
final class KilledLauncher {

  private KilledLauncher() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    Path pidFile = Path.of(args[1]);
    Pipeline pipeline =
        Pipeline.start(
            StackConfig.fromEnvironment().root(),
            work,
            "launcher-secret",
            null,
            Pipeline.EMULATOR_TOKEN,
            0,
            List.of("publisher"),
            ServiceProcess.QUICK_START);
    Path written = work.resolve("services.pid.tmp");
    Files.writeString(written, String.valueOf(pipeline.services().get(0).pid()));
    Files.move(written, pidFile, StandardCopyOption.ATOMIC_MOVE);
    Thread.sleep(Long.MAX_VALUE);
  }
}
