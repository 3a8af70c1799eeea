package org.papermap.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code papermap} command line. Every error is one line on stderr and exit code 2; usage errors
 * name the option and the rule, input errors name the file, line and rule, output errors name the
 * output and the cause (standard output included), and running out of memory names the step and how
 * to give the JVM more.
 */
@Command(
    name = "papermap",
    mixinStandardHelpOptions = true,
    versionProvider = PaperMapCli.Version.class,
    description = "Related papers and labelled topics for a corpus of paper abstracts.",
    subcommands = {ParseCommand.class, VectorsCommand.class, BuildCommand.class, RelatedCommand.class, SearchCommand.class, DemoCommand.class})
public final class PaperMapCli implements Runnable {
  /**
   * Lucene announces its SIMD setup at INFO on stderr; the CLI keeps stderr for errors and progress. Held
   * strongly: java.util.logging forgets the level of a logger that was garbage-collected.
   */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  /** Exit code for bad input, bad usage, failed output or too little memory. */
  static final int EXIT_BAD_INPUT = 2;

  private final CliSession session;

  private PaperMapCli(CliSession session) {
    this.session = session;
  }

  public static void main(String[] args) {
    LUCENE_VECTORIZATION_LOG.setLevel(java.util.logging.Level.WARNING);
    // The file descriptor itself, not System.out: a PrintStream hides write errors (a full disk, a closed
    // pipe), and lost output must not end with exit code 0.
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.exit(run(args, stdout, new PrintWriter(System.err, true)));
  }

  /** As {@link #run(String[], OutputStream, PrintWriter)}, standard output collected into {@code out} (tests). */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int code = run(args, bytes, err);
    out.write(bytes.toString(StandardCharsets.UTF_8));
    out.flush();
    return code;
  }

  /** Runs the CLI with the given streams and returns the exit code (used by tests). */
  static int run(String[] args, OutputStream stdout, PrintWriter err) {
    CliSession session = new CliSession(stdout);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    CommandLine cli = new CommandLine(new PaperMapCli(session), commandsWith(session));
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("papermap: " + ex.getMessage() + " (see 'papermap --help')");
          err.flush();
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          err.println("papermap: " + oneLine(ex));
          err.flush();
          return EXIT_BAD_INPUT;
        });
    int code;
    try {
      code = cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("papermap: " + outOfMemory(session.step(), Runtime.getRuntime()));
      err.flush();
      return EXIT_BAD_INPUT;
    }
    out.flush();
    if (out.checkError()) {
      err.println("papermap: cannot write to standard output (disk full or pipe closed?)");
      err.flush();
      return EXIT_BAD_INPUT;
    }
    return code;
  }

  /** The one line for an {@link OutOfMemoryError} during {@code step}. */
  static String outOfMemory(String step, Runtime rt) {
    long mib = 1024 * 1024;
    long max = rt.maxMemory() / mib;
    long used = (rt.totalMemory() - rt.freeMemory()) / mib;
    long suggest = Math.max(1, (2 * max + 1023) / 1024);
    return String.format(
        Locale.ROOT,
        "out of memory while %s (Java heap: %d MiB in use of at most %d MiB); give it more with"
            + " PAPERMAP_JAVA_OPTS=-Xmx%dg (see README)",
        step, used, max, suggest);
  }

  /** The message of an exception on one line; the class name when it has no message. */
  static String oneLine(Throwable ex) {
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      m = ex.getClass().getSimpleName();
    }
    return m.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** Creates each command with the session when it has a constructor that takes one. */
  private static CommandLine.IFactory commandsWith(CliSession session) {
    return new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> type) throws Exception {
        try {
          return type.getDeclaredConstructor(CliSession.class).newInstance(session);
        } catch (NoSuchMethodException e) {
          return CommandLine.defaultFactory().create(type);
        }
      }
    };
  }

  @Override
  public void run() {
    new CommandLine(this).usage(new PrintWriter(new OutputStreamWriter(session.stdout(), StandardCharsets.UTF_8), true));
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PaperMapCli.class.getPackage().getImplementationVersion();
      return new String[] {"papermap " + (v == null ? "dev" : v)};
    }
  }
}
