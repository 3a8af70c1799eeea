package org.papermap.cli;

import picocli.CommandLine.Option;

/** {@code -q/--quiet}: no progress on stderr (errors and notes still are). */
final class QuietOption {
  @Option(names = {"-q", "--quiet"}, description = "No progress on stderr; errors and notes are still shown.")
  boolean quiet;

  /** The progress renderer for this run. */
  ProgressRenderer renderer(java.io.PrintWriter err, CliSession cli) {
    return ProgressRenderer.on(err, cli, quiet);
  }
}
