package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import org.papermap.corpus.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code papermap add}: adds papers to a saved map with its vocabulary, indexes and topics (nothing
 * refitted) and saves it in place, as one unit ({@link PaperMap#withPapers}).
 */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap add --map DIR -i FILE... [READING] [-q]",
      "",
      "READING:  --input-format F, --lenient, --columns MAP",
      ""
    },
    sortOptions = false,
    description = "Add papers to a saved map: vectorized with its vocabulary, indexed, given their predicted"
        + " topics; nothing is refitted (rebuild with 'papermap build --force' to refit). The map is replaced"
        + " in one step: a failure leaves it as it was.")
final class AddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  AddCommand(CliSession cli) {
    this.cli = cli;
  }

  @Option(names = "--map", required = true, paramLabel = "DIR", description = "A map saved by 'papermap build'.")
  Path map;

  @Mixin Inputs inputs;

  @Mixin InputOptions read;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    if (!PaperMap.isMap(map)) {
      throw new ParameterException(spec.commandLine(), "--map " + map + " holds no map (build one with 'papermap build')");
    }
    Path mapAbs = map.toAbsolutePath().normalize();
    for (Path input : inputs.files) {
      if (input.toAbsolutePath().normalize().startsWith(mapAbs)) {
        throw new ParameterException(spec.commandLine(), "--input " + input + " is inside --map " + map
            + ", which the save replaces");
      }
    }
    ProgressRenderer progress = quiet.renderer(spec.commandLine().getErr(), cli);
    cli.step("reading papers");
    Corpus papers = read.read(inputs.files, progress).corpus();
    cli.step("opening the map " + map);
    try (PaperMap before = PaperMap.open(map, progress)) {
      PaperMap after;
      try {
        after = before.withPapers(papers, progress);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--input: " + e.getMessage());
      }
      cli.step("saving the map to " + map);
      after.save(map, progress);
      String topics = after.options().topics() == null ? "" : ", topics predicted";
      spec.commandLine().getErr().println("papermap: added " + papers.size() + " paper" + (papers.size() == 1 ? "" : "s")
          + " to " + map + " (" + after.corpus().size() + " papers now" + topics + ")");
    }
    return 0;
  }
}
