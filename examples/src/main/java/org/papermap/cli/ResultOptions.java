package org.papermap.cli;

import java.io.IOException;
import org.papermap.corpus.Corpus;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How many results, with or without reasons, in which format and where: {@code -k}, {@code
 * --explain}, {@code --format} and {@code -o/--output}, the same on every command that answers
 * queries.
 */
final class ResultOptions {
  /** The values of {@code --format}. */
  enum Format {
    /** A table when the output is a terminal, JSON Lines otherwise. */
    auto,
    table,
    jsonl
  }

  @Option(names = "-k", paramLabel = "K", defaultValue = "10", description = "Papers per query (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(
      names = "--explain",
      description = "Add the reasons: the shared terms that contribute most to each score.")
  boolean explain;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "auto",
      description = "auto | table | jsonl (default: ${DEFAULT-VALUE}: a table on a terminal, JSON Lines in a file or pipe).")
  Format format;

  @Option(
      names = {"-o", "--output"},
      defaultValue = "-",
      paramLabel = "FILE",
      description = "Output file (a regular file, written all or nothing), or - for standard output (default).")
  String output;

  /** Checks the values that need no map. */
  void check(CommandLine cmd) {
    if (k < 1) {
      throw new ParameterException(cmd, "-k must be >= 1, got " + k);
    }
  }

  /** Opens {@code -o} (checked before anything is computed: a bad output costs nothing). */
  CliOutput open(CliSession cli, CommandLine cmd) throws IOException {
    return CliOutput.open("-o", output, cli.stdout(), cmd);
  }

  /** Whether results are a table: asked for, or auto and standard output is a terminal. */
  boolean table(CliSession cli) {
    return format == Format.table || (format == Format.auto && "-".equals(output) && cli.terminal().stdout());
  }

  /** The writer of the results to {@code out}. */
  ResultWriter writer(CliOutput out, Corpus corpus, CliSession cli) throws IOException {
    return table(cli)
        ? new TableResults(out.stream(), corpus, cli.terminal().columns())
        : new JsonLinesResults(out.stream(), corpus, explain);
  }

  /** How many reasons to compute per result. */
  int explainTerms() {
    return explain ? 5 : 0;
  }
}
