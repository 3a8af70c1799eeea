package org.papermap.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.Representation;
import org.papermap.corpus.Corpus;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where a map comes from (papers to build it from, or a saved map) and how to build it. */
final class MapOptions {
  static final class Source {
    @Option(names = "--input", arity = "1..*", paramLabel = "FILE", description = "Paper files to build the map from.")
    List<Path> inputs;

    @Option(names = "--map", paramLabel = "DIR", description = "A map saved by 'papermap build'.")
    Path map;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Mixin InputOptions input;

  @Option(
      names = "--representation",
      paramLabel = "R",
      description = "tfidf | lsa | hybrid (default: hybrid, chosen by measured precision; see docs/related.md).")
  RepresentationOption representation;

  @Option(names = "--index", paramLabel = "I", description = "sparse (tfidf only) | flat | hnsw (the LSA side). Default: sparse for tfidf, flat otherwise.")
  IndexOption index;

  @Option(names = "--lsa-dims", paramLabel = "D", description = "LSA dimensions (default: " + PaperMapOptions.DEFAULT_LSA_DIMENSIONS + ").")
  Integer lsaDims;

  @Option(names = "--threads", defaultValue = "1", description = "Threads (results do not depend on it; default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Seed for LSA and HNSW (default: ${DEFAULT-VALUE}).")
  long seed;

  enum RepresentationOption {
    tfidf(Representation.TFIDF),
    lsa(Representation.LSA),
    hybrid(Representation.HYBRID);

    final Representation value;

    RepresentationOption(Representation value) {
      this.value = value;
    }
  }

  enum IndexOption { sparse, flat, hnsw }

  /** Opens the saved map, or reads the papers and builds one; names each step for {@code cli}. */
  PaperMap load(CommandLine cmd, CliSession cli) throws IOException {
    if (source.map != null) {
      if (representation != null || index != null || lsaDims != null) {
        throw new ParameterException(cmd, "--representation, --index and --lsa-dims apply when building; a --map is used as saved");
      }
      if (input.format != FormatOption.auto || input.lenient || input.columns != null) {
        throw new ParameterException(cmd, "--format, --lenient and --columns apply to --input; a --map is read as saved");
      }
      cli.step("opening the map " + source.map);
      return PaperMap.open(source.map);
    }
    PaperMapOptions options = options(cmd);
    cli.step("reading papers");
    Corpus corpus = input.read(source.inputs, Progress.on(cmd.getErr())).corpus();
    cli.step("building the map (TF-IDF" + (options.representation() == Representation.TFIDF ? "" : ", LSA") + ", indexes)");
    return PaperMap.build(corpus, options);
  }

  PaperMapOptions options(CommandLine cmd) {
    PaperMapOptions.Builder b = PaperMapOptions.builder().parallelism(threads).seed(seed);
    Representation r = representation == null ? PaperMapOptions.DEFAULT_REPRESENTATION : representation.value;
    b.representation(r);
    if (index == IndexOption.sparse && r != Representation.TFIDF) {
      throw new ParameterException(cmd, "--index sparse needs --representation tfidf (LSA vectors are dense: use flat or hnsw)");
    }
    if (index != null && index != IndexOption.sparse && r == Representation.TFIDF) {
      throw new ParameterException(cmd, "--index " + index + " needs --representation lsa or hybrid (TF-IDF is searched by the sparse index)");
    }
    if (index == IndexOption.hnsw) {
      b.denseIndex(PaperMapOptions.DenseIndex.HNSW);
    }
    try {
      if (lsaDims != null) {
        b.lsaDimensions(lsaDims);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, e.getMessage());
    }
  }
}
