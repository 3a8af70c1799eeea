package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.corpus.Corpus;
import org.papermap.io.MapWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papermap build}: vectorize and index papers once, save the map for 'related' and 'search'. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap build -i FILE... -o DIR [--force] [--representation R]",
      "                      [--index I] [--lsa-dims D] [WEIGHTS] [ANALYSIS] [--threads N]",
      "                      [--seed N] [TOPICS] [READING] [-q]",
      "",
      "TOPICS:   --algorithm A, --topics N|auto, --outliers S, --outlier-threshold T",
      "          (any of them: the map is saved with its topics, for 'add' and 'topics --map')",
      "WEIGHTS:  --hybrid-weight A, --smoothing K, --feedback N, --term-boost G",
      "READING:  --input-format F, --lenient, --columns MAP",
      "ANALYSIS: --preset P, --ngrams MIN,MAX, --min-df X, --max-df X,",
      "          --max-features N, --[no-]sublinear, --stop-words LIST, --stemmer S,",
      "          --idf F, --title-weight W",
      ""
    },
    sortOptions = false,
    description = "Build a map (vectors and indexes) from papers and save it to a folder.")
final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  BuildCommand(CliSession cli) {
    this.cli = cli;
  }

  @Mixin Inputs inputs;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Folder to save the map in: new, empty, or holding a map (replaced only with --force).")
  String out;

  @Option(names = "--force", description = "Replace the map already saved in the output folder.")
  boolean force;

  @Mixin InputOptions read;

  @Mixin MapOptions build;

  @Mixin TopicFlags topicFlags;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    PaperMapOptions options = build.options(spec.commandLine());
    if (topicFlags.anyGiven()) {
      options = options.toBuilder().topics(topicFlags.options(spec.commandLine(), build.compute.seed())).build();
    }
    Path dir = checkOut();
    ProgressRenderer progress = quiet.renderer(spec.commandLine().getErr(), cli);
    cli.step("reading papers");
    Corpus corpus = read.read(inputs.files, progress).corpus();
    cli.step(MapOptions.describe(options));
    PaperMap m = PaperMap.build(corpus, options, progress);
    cli.step("saving the map to " + out);
    m.save(dir, progress);
    spec.commandLine().getErr().println("papermap: built " + m + " -> " + out);
    return 0;
  }

  /** Everything that would make the save fail or destroy something, checked before the build starts. */
  private Path checkOut() throws IOException {
    if (out.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "-o must not be empty");
    }
    Path dir = Path.of(out);
    if (PaperMap.isMap(dir) && !force) {
      throw new ParameterException(spec.commandLine(), "-o " + out + " already holds a map; add --force to replace it");
    }
    try {
      MapWriter.checkTarget(dir);
    } catch (IOException e) {
      throw new IOException("-o: " + e.getMessage(), e);
    }
    Path outAbs = real(dir);
    for (Path input : inputs.files) {
      if (real(input).startsWith(outAbs)) {
        throw new ParameterException(
            spec.commandLine(), "--input " + input + " is inside -o " + out + ", which the save would replace");
      }
    }
    return dir;
  }

  /** The path with links resolved as far as it exists, absolute and normalized. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    Path rest = Path.of("");
    while (existing != null && !Files.exists(existing)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}
