package org.papermap.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code papermap} command line. Every error is one line on stderr and exit code 2; usage errors
 * name the option and the rule, input errors name the file, line and rule.
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

  /** Exit code for bad input or bad usage. */
  static final int EXIT_BAD_INPUT = 2;

  public static void main(String[] args) {
    LUCENE_VECTORIZATION_LOG.setLevel(java.util.logging.Level.WARNING);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams and returns the exit code (used by tests). */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new PaperMapCli());
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
    return cli.execute(args);
  }

  /** The message of an exception on one line; the class name when it has no message. */
  static String oneLine(Throwable ex) {
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      m = ex.getClass().getSimpleName();
    }
    return m.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = PaperMapCli.class.getPackage().getImplementationVersion();
      return new String[] {"papermap " + (v == null ? "dev" : v)};
    }
  }
}
