package org.papermap.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.papermap.IndexNeighbourProvider;
import org.papermap.PaperMap;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.index.IndexOptions;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.topic.KnnGraph;
import org.papermap.topic.MapLayout;
import org.papermap.topic.MapLayoutResult;
import org.papermap.topic.report.HtmlReport;
import org.papermap.topic.report.ReportInput;
import org.papermap.vector.DenseVectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code papermap report}: one self-contained HTML page of the topics (list, 2-D map, hierarchy, topics
 * over time, search and related papers); see docs/topics.md.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap report (-i FILE... [READING] [MAP] | --map DIR) -o FILE",
      "                       [--title T] [--algorithm A] [--topics N|auto]",
      "                       [--outliers S] [--outlier-threshold T] [--seed N] [-q]",
      "",
      "READING:  --input-format F, --lenient, --columns MAP",
      "MAP:      --representation R, --index I, --lsa-dims D, WEIGHTS, ANALYSIS,",
      "          --threads N",
      "WEIGHTS:  --hybrid-weight A, --smoothing K, --feedback N, --term-boost G",
      ""
    },
    sortOptions = false,
    description = "Write an HTML report of the topics: one file, no network.")
final class ReportCommand implements Callable<Integer> {
  /** Neighbours per paper of the layout graph and the related papers shown. */
  static final int NEIGHBOURS = 15;

  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  ReportCommand(CliSession cli) {
    this.cli = cli;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", order = 0)
  MapSource source;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The HTML file; - for standard output.")
  String output;

  @Option(names = "--title", paramLabel = "T", description = "Title of the page (default: " + HtmlReport.Options.DEFAULT_TITLE + ").")
  String title;

  @Mixin TopicFlags topicFlags;

  @Mixin InputOptions read;

  @Mixin MapOptions build;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    if (build.representation == MapOptions.RepresentationOption.tfidf) {
      throw new ParameterException(spec.commandLine(), "report draws the LSA vectors: --representation tfidf has none (use lsa or hybrid)");
    }
    ProgressRenderer progress = quiet.renderer(spec.commandLine().getErr(), cli);
    try (CliOutput out = CliOutput.open("-o", output, cli.stdout(), spec.commandLine())) {
      PaperMap m = TopicMaps.load(spec.commandLine(), cli, source, read, build, topicFlags, progress, true);
      if (m.lsa() == null) {
        throw new ParameterException(spec.commandLine(), "report draws the LSA vectors: the map " + source.map + " has none (built with --representation tfidf)");
      }
      DenseVectors v = m.lsa().embeddings();
      int threads = m.options().parallelism();
      cli.step("laying out the map");
      progress.begin("layout", 2, "steps");
      NeighbourProvider nn = v.size() <= Hdbscan.AUTO_EXACT_LIMIT
          ? IndexNeighbourProvider.flat(IndexOptions.DEFAULT.withParallelism(threads))
          : IndexNeighbourProvider.hnsw(HnswOptions.builder().seed(m.options().seed()).parallelism(threads).build());
      KnnGraph graph = KnnGraph.build(v, nn, Math.min(NEIGHBOURS, Math.max(1, v.size() - 1)));
      progress.advance("layout", 1);
      MapLayoutResult layout =
          MapLayout.fit(v, graph, MapLayout.Options.builder().seed(m.options().seed()).parallelism(threads).build());
      progress.advance("layout", 2);
      progress.end("layout");
      cli.step("writing the report");
      Writer w = new OutputStreamWriter(out.stream(), StandardCharsets.UTF_8);
      HtmlReport.write(new ReportInput(m.topics(), layout, graph),
          title == null ? HtmlReport.Options.defaults() : HtmlReport.Options.titled(title), w);
      w.flush();
      out.commit();
      spec.commandLine().getErr().println("papermap: report of " + m.topics().topicCount() + " topics over "
          + m.corpus().size() + " papers -> " + output);
    }
    return 0;
  }
}
