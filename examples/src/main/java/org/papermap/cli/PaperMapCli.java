package org.papermap.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.LongSupplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code papermap} command line. Exit codes: 0 when the command did its work; 2 for bad input or
 * usage, failed output or too little memory, with one line on stderr (usage errors name the option and
 * the rule, input errors the file, line and rule, output errors the output and the cause, standard
 * output included; running out of memory names the step and how to give the JVM more); 1 for a bug,
 * with its stack trace. The conventions every command follows are in docs/cli.md.
 */
@Command(
    name = "papermap",
    mixinStandardHelpOptions = true,
    versionProvider = PaperMapCli.Version.class,
    description = "Related papers and labelled topics for a corpus of paper abstracts.",
    subcommands = {ParseCommand.class, VectorsCommand.class, BuildCommand.class, RelatedCommand.class, SearchCommand.class, DemoCommand.class,
      ClusterCommand.class, EvaluateCommand.class, TopicsCommand.class, ReportCommand.class, AddCommand.class})
public final class PaperMapCli implements Runnable {
  @picocli.CommandLine.Mixin ExitCodes exitCodes;

  /**
   * Lucene announces its SIMD setup at INFO on stderr; the CLI keeps stderr for errors and progress. Held
   * strongly: java.util.logging forgets the level of a logger that was garbage-collected.
   */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION_LOG =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  /** Exit code for bad input, bad usage, failed output or too little memory. */
  static final int EXIT_BAD_INPUT = 2;

  /** Exit code for a bug: an exception that no input explains. */
  static final int EXIT_BUG = 1;

  static {
    // The help texts show the library's defaults through ${sys:papermap.default.*}.
    AnalysisOptions.describeDefaults();
    ComputeOptions.describeDefaults();
  }

  private final CliSession session;

  private PaperMapCli(CliSession session) {
    this.session = session;
  }

  public static void main(String[] args) {
    LUCENE_VECTORIZATION_LOG.setLevel(java.util.logging.Level.WARNING);
    // The file descriptor itself, not System.out: a PrintStream hides write errors (a full disk, a closed
    // pipe), and lost output must not end with exit code 0.
    OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.exit(run(args, stdout, new PrintWriter(System.err, true), Terminal.detect(), System::nanoTime));
  }

  /** As {@link #run(String[], OutputStream, PrintWriter)}, standard output collected into {@code out} (tests). */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int code = run(args, bytes, err);
    out.write(bytes.toString(StandardCharsets.UTF_8));
    out.flush();
    return code;
  }

  /** Runs the CLI with the given streams, no terminal, and returns the exit code (used by tests). */
  static int run(String[] args, OutputStream stdout, PrintWriter err) {
    return run(args, stdout, err, Terminal.NONE, System::nanoTime);
  }

  /** Runs the CLI as if its streams were {@code terminal}, timed by {@code nanoClock}; returns the exit code. */
  static int run(String[] args, OutputStream stdout, PrintWriter err, Terminal terminal, LongSupplier nanoClock) {
    CliSession session = new CliSession(stdout, terminal, nanoClock);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    CommandLine cli = new CommandLine(new PaperMapCli(session), commandsWith(session));
    cli.setOut(out);
    cli.setErr(err);
    // "-i a.txt --frobnicate" is an unknown option, not a file named --frobnicate.
    cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("papermap: " + oneLine(ex) + renamedHint(ex) + " (see 'papermap " + commandOf(ex) + "--help')");
          err.flush();
          return EXIT_BAD_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (isBug(ex)) {
            return bug(ex, err);
          }
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
    } catch (RuntimeException | Error e) {
      return bug(e, err);
    }
    out.flush();
    if (out.checkError()) {
      err.println("papermap: cannot write to standard output (disk full or pipe closed?)");
      err.flush();
      return EXIT_BAD_INPUT;
    }
    return code;
  }

  /**
   * Whether {@code ex} is a bug rather than bad input: input, usage and output problems are {@link
   * IOException}s (files, formats, maps), {@link UncheckedIOException}s and the library's {@link
   * IllegalArgumentException}s (a value out of its range); anything else (a null pointer, an illegal
   * state) no input should cause.
   */
  static boolean isBug(Throwable ex) {
    return !(ex instanceof IOException
        || ex instanceof UncheckedIOException
        || ex instanceof IllegalArgumentException
        || ex instanceof CommandLine.ParameterException);
  }

  /** Reports a bug: one line that says so, then the stack trace; exit code 1. */
  private static int bug(Throwable ex, PrintWriter err) {
    err.println("papermap: internal error (a bug; please report it with what follows): " + ex);
    ex.printStackTrace(err);
    err.flush();
    return EXIT_BUG;
  }

  /** Options renamed in 0.2, named when an old spelling is used. */
  private static String renamedHint(CommandLine.ParameterException ex) {
    String m = String.valueOf(ex.getMessage());
    if (!m.startsWith("Unknown option")) {
      return "";
    }
    if (m.contains("'--out'") || m.contains("'--out=")) {
      return "; the output folder is -o/--output";
    }
    if (m.contains("'--lsa'") || m.contains("'--lsa=")) {
      return "; the LSA dimension is --lsa-dims";
    }
    if (m.contains("'--format'") || m.contains("'--format=")) {
      return "; the input format is --input-format";
    }
    return "";
  }

  /** "build " for an error in 'papermap build', "" at the top level. */
  private static String commandOf(CommandLine.ParameterException ex) {
    CommandLine c = ex.getCommandLine();
    return c == null || c.getParent() == null ? "" : c.getCommandName() + " ";
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
