package org.papermap.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -i/--input FILE...}, required: the papers a command reads (every command but the map queries' group). */
final class Inputs {
  static final String DESCRIPTION =
      "Paper files or folders (a folder: its supported files in name order), read in order; .gz too.";

  @Option(names = {"-i", "--input"}, required = true, arity = "1..*", paramLabel = "FILE", description = DESCRIPTION)
  List<Path> files;
}
