package dev.attentive.reviewer.analysis.testgen;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the sandboxed child JVM ({@link Sandbox}); trusted code, it uses only the JDK,
 * the JUnit Platform launcher and {@link Render}. Two modes, each writing one line per result to an
 * output file that the code under test cannot write to, flushed after every line so that what was
 * observed before a timeout or a crash is kept:
 *
 * <ul>
 *   <li>{@code observe OUT CASE_MILLIS PROBE...}: each probe class's {@code cases()} are called one
 *       by one (each in a thread given CASE_MILLIS) and their outcomes written as {@code
 *       R\tprobe\tindex\tRESULT}: {@code VOID}, {@code VALUE\t}rendering ({@link Render}), {@code
 *       THREW\tclass\tmessage}, {@code DENIED\tmessage} (the security manager refused something),
 *       {@code BROKEN\tclass\tmessage} (an Error), {@code TIMEOUT}.
 *   <li>{@code junit OUT TESTCLASS...}: runs the classes with the JUnit Platform launcher and
 *       writes {@code T\tclass\tmethod\tSTATUS\texception\tmessage} per test (STATUS: SUCCESSFUL,
 *       FAILED, DENIED, ABORTED) and {@code S\tclass\tmethod} when one starts.
 * </ul>
 *
 * A run that completes ends with {@code M\tpeakHeapBytes\tpeakRssBytes} and {@code END}; one that
 * the code under test ends with {@code System.exit} (possible where no SecurityManager denies it,
 * Java 21+) gets {@value #EXITED} from a shutdown hook instead (the runner itself halts).
 */
public final class SandboxMain {

  /**
   * The mode of a JVM started before its job: {@code wait OUT} loads the runner and the JUnit
   * Platform, then reads one line from standard input, the job's mode and arguments separated by
   * tabs ({@code observe\tCASE_MILLIS\tPROBE...} or {@code junit\tTESTCLASS...}), and runs it as if
   * they had been its arguments.
   */
  static final String WAIT = "wait";

  /** The JUnit launcher a waiting JVM created before its job (trusted code only so far). */
  private static Launcher preloaded;

  /** The line written when the JVM shuts down before the runner is done. */
  static final String EXITED = "X\texit";

  private SandboxMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals(WAIT)) {
      args = awaitJob(args[1]);
    }
    if (args.length < 2) {
      System.err.println(
          "usage: observe OUT CASE_MILLIS PROBE... | junit OUT TESTCLASS... | wait OUT");
      Runtime.getRuntime().halt(2);
    }
    try (PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(args[1], true), StandardCharsets.UTF_8),
            true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> out.println(EXITED)));
      if (args[0].equals("observe")) {
        long caseMillis = Long.parseLong(args[2]);
        for (int i = 3; i < args.length; i++) {
          observe(out, args[i], caseMillis);
        }
      } else {
        junit(out, List.of(args).subList(2, args.length));
      }
      out.println("M\t" + peakHeap() + "\t" + peakRss());
      out.println("END");
      out.flush();
    }
    System.out.flush();
    System.err.flush();
    // halt, not exit: no shutdown hook or lingering thread of the code under test runs after this
    Runtime.getRuntime().halt(0);
  }

  /**
   * Loads what every job needs while no job is there yet, then reads the job: the arguments {@link
   * #main} runs.
   */
  private static String[] awaitJob(String out) throws IOException {
    preloaded = LauncherFactory.create();
    Render.oneLine("warm");
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String job = in.readLine();
    if (job == null || job.isEmpty()) {
      Runtime.getRuntime().halt(3); // the reviewer ended or dropped this JVM before a job came
    }
    List<String> args = new ArrayList<>(List.of(job.split("\t", -1)));
    args.add(1, out);
    return args.toArray(String[]::new);
  }

  /** The sum of the heap pools' peak usage, in bytes. */
  static long peakHeap() {
    long sum = 0;
    for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** This process's peak resident set (VmHWM) in bytes, or -1 where /proc is not there. */
  static long peakRss() {
    try {
      for (String line :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  @SuppressWarnings("unchecked")
  private static void observe(PrintWriter out, String probe, long caseMillis) throws IOException {
    List<Callable<Object>> cases;
    Object voidMarker;
    try {
      Class<?> type = Class.forName(probe);
      voidMarker = type.getField("VOID").get(null);
      cases = (List<Callable<Object>>) type.getMethod("cases").invoke(null);
    } catch (InvocationTargetException e) {
      out.println("P\t" + probe + "\t" + outcome(e.getCause()));
      return;
    } catch (ReflectiveOperationException | LinkageError e) {
      out.println("P\t" + probe + "\t" + outcome(e));
      return;
    }
    int timeouts = 0;
    for (int i = 0; i < cases.size(); i++) {
      Callable<Object> call = cases.get(i);
      AtomicReference<String> result = new AtomicReference<>();
      Thread worker =
          new Thread(
              () -> {
                try {
                  Object value = call.call();
                  result.set(value == voidMarker ? "VOID" : "VALUE\t" + Render.render(value));
                } catch (Throwable t) {
                  result.set(outcome(t));
                }
              },
              "attentive-case-" + i);
      worker.setDaemon(true);
      worker.start();
      try {
        worker.join(caseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      String line = result.get();
      if (line == null) {
        line = "TIMEOUT";
        timeouts++;
      }
      out.println("R\t" + probe + "\t" + i + "\t" + line);
      if (timeouts >= 2) {
        return; // the stuck threads would slow every later case down
      }
    }
  }

  /** How a Throwable is reported: DENIED, THREW or BROKEN (see the class comment). */
  static String outcome(Throwable t) {
    if (denied(t)) {
      return "DENIED\t" + Render.oneLine(String.valueOf(t));
    }
    if (t instanceof Exception || t instanceof StackOverflowError) {
      return "THREW\t"
          + Render.typeName(Render.nameable(t.getClass()))
          + "\t"
          + Render.oneLine(t.getMessage());
    }
    return "BROKEN\t" + t.getClass().getName() + "\t" + Render.oneLine(String.valueOf(t));
  }

  /** Whether a SecurityException is the throwable or among its causes. */
  static boolean denied(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SecurityException) {
        return true;
      }
    }
    return false;
  }

  private static void junit(PrintWriter out, List<String> classes) {
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request();
    for (String c : classes) {
      builder.selectors(DiscoverySelectors.selectClass(c));
    }
    LauncherDiscoveryRequest request = builder.build();
    Launcher launcher = preloaded != null ? preloaded : LauncherFactory.create();
    launcher.execute(
        request,
        new TestExecutionListener() {
          @Override
          public void executionStarted(TestIdentifier id) {
            if (id.isTest() && id.getSource().orElse(null) instanceof MethodSource m) {
              out.println("S\t" + m.getClassName() + "\t" + m.getMethodName());
            }
          }

          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Object source = id.getSource().orElse(null);
            String where;
            if (source instanceof MethodSource m) {
              where = m.getClassName() + "\t" + m.getMethodName();
            } else if (source instanceof ClassSource c) {
              if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                return;
              }
              where = c.getClassName() + "\t";
            } else {
              return;
            }
            Throwable t = result.getThrowable().orElse(null);
            String status = result.getStatus().name();
            if (t != null && denied(t)) {
              status = "DENIED";
            }
            out.println(
                "T\t"
                    + where
                    + "\t"
                    + status
                    + "\t"
                    + (t == null ? "" : t.getClass().getName())
                    + "\t"
                    + (t == null ? "" : Render.oneLine(String.valueOf(t.getMessage()))));
          }
        });
  }
}
