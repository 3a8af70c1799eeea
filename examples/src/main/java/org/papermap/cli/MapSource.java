package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.corpus.Corpus;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where the map of a query command comes from: papers to build it from ({@code -i/--input}) or a map
 * saved by {@code papermap build} ({@code --map}), exactly one of them.
 */
final class MapSource {
  @Option(names = {"-i", "--input"}, arity = "1..*", paramLabel = "FILE", description = Inputs.DESCRIPTION)
  List<Path> inputs;

  @Option(names = "--map", paramLabel = "DIR", description = "A map saved by 'papermap build' (opened as saved).")
  Path map;

  /**
   * Opens the saved map, or reads the papers and builds one, reporting progress to {@code progress}
   * and naming each step for {@code cli}.
   *
   * @throws ParameterException if building or reading flags come with {@code --map}
   */
  PaperMap load(CommandLine cmd, CliSession cli, InputOptions read, MapOptions build, ProgressRenderer progress)
      throws IOException {
    if (map != null) {
      if (build.anyBuildOnlyGiven()) {
        throw new ParameterException(
            cmd,
            "--index, --lsa-dims, the analysis flags, --threads and --seed apply when building;"
                + " a --map is used as saved (--representation may be chosen per query)");
      }
      if (read.anyGiven()) {
        throw new ParameterException(cmd, "--input-format, --lenient and --columns apply to --input; a --map is read as saved");
      }
      cli.step("opening the map " + map);
      return PaperMap.open(map, progress);
    }
    PaperMapOptions options = build.options(cmd);
    cli.step("reading papers");
    Corpus corpus = read.read(inputs, progress).corpus();
    cli.step(MapOptions.describe(options));
    return PaperMap.build(corpus, options, progress);
  }
}
