package org.papermap.cli;

import java.io.IOException;
import org.papermap.MapTopicOptions;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.corpus.Corpus;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The map with topics of {@code topics} and {@code report}: built from {@code --input} with the topics,
 * or a saved {@code --map}, whose saved topics are used as they are unless a topic flag or {@code --seed}
 * asks for others (then they are fitted again, and the saved map is left unchanged).
 *
 * <p>A map built only for its topics ({@code queries} false: {@code topics}, which writes topics and
 * discards the map) skips the neighbour smoothing of its LSA vectors: topics cluster the LSA vectors as
 * fitted, so they are the same, and smoothing is all pairs of papers (23 s at 118,000 on two cores).
 */
final class TopicMaps {
  private TopicMaps() {}

  static PaperMap load(CommandLine cmd, CliSession cli, MapSource source, InputOptions read, MapOptions build,
      TopicFlags flags, ProgressRenderer progress, boolean queries) throws IOException {
    MapTopicOptions topics = flags.options(cmd, build.compute.seed());
    if (source.map == null) {
      PaperMapOptions.Builder b = build.options(cmd).toBuilder().topics(topics);
      PaperMapOptions options = (queries ? b : b.smoothingNeighbours(0)).build();
      cli.step("reading papers");
      Corpus corpus = read.read(source.inputs, progress).corpus();
      cli.step(MapOptions.describe(options) + " and its topics");
      return PaperMap.build(corpus, options, progress);
    }
    if (build.representation != null || build.index != null || build.lsaDims != null || build.mapWeightsGiven()
        || build.analysis.anyGiven() || build.compute.threads != null) {
      throw new ParameterException(cmd, "--representation, --index, --lsa-dims, the weighting and analysis flags and --threads"
          + " apply when building; a --map is used as saved (--seed and the topic flags apply to its topics)");
    }
    if (read.anyGiven()) {
      throw new ParameterException(cmd, "--input-format, --lenient and --columns apply to --input; a --map is read as saved");
    }
    cli.step("opening the map " + source.map);
    PaperMap m = PaperMap.open(source.map, progress);
    MapTopicOptions saved = m.options().topics();
    if (saved != null && (topics.equals(saved) || (!flags.anyGiven() && build.compute.seed == null))) {
      return m;
    }
    cli.step("fitting topics");
    return m.withTopics(topics, progress);
  }
}
