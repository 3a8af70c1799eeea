package org.papermap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.papermap.PaperMapOptions;
import org.papermap.Representation;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code papermap cluster}: k-means or HDBSCAN over papers, a saved map or the user's vectors. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    customSynopsis = {
      "papermap cluster (-i FILE... [READING] [BUILDING] | --map DIR | --vectors FILE.csv)",
      "                        --algorithm kmeans|hdbscan [--k N] [--n-init N]",
      "                        [--min-cluster-size M] [--min-samples S]",
      "                        [--metric cosine|euclidean] [--representation lsa|tfidf]",
      "                        [--threads N] [--seed N] -o OUT.jsonl [-q]",
      "",
      "READING:  --input-format F, --lenient, --columns MAP",
      "BUILDING: --lsa-dims D, --preset P, --ngrams MIN,MAX, --min-df X, --max-df X,",
      "          --max-features N, --[no-]sublinear, --stop-words LIST, --stemmer S,",
      "          --idf F, --title-weight W",
      ""
    },
    sortOptions = false,
    description = {
      "Cluster papers (their LSA vectors, or TF-IDF rows with --representation tfidf and k-means) or the vectors of a"
          + " CSV file, and write one JSON line per point: HDBSCAN {\"id\", \"cluster\" (-1 = noise), \"probability\","
          + " \"outlier_score\"}, k-means {\"id\", \"cluster\", \"distance\"} (to its centroid; see docs/cli.md)."
          + " A summary goes to stderr."
    })
final class ClusterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  private final CliSession cli;

  ClusterCommand(CliSession cli) {
    this.cli = cli;
  }

  @ArgGroup(exclusive = true, multiplicity = "1", order = 0)
  ClusterInput source;

  enum AlgorithmOption {
    kmeans,
    hdbscan
  }

  enum MetricOption {
    cosine(ClusterMetric.COSINE),
    euclidean(ClusterMetric.EUCLIDEAN);

    final ClusterMetric value;

    MetricOption(ClusterMetric value) {
      this.value = value;
    }
  }

  enum RepresentationOption {
    lsa,
    tfidf
  }

  @Option(names = "--algorithm", required = true, paramLabel = "A", description = "kmeans | hdbscan.")
  AlgorithmOption algorithm;

  @Option(names = {"--k", "-k"}, paramLabel = "N", description = "k-means: clusters (default: " + KMeans.DEFAULT_K + ").")
  Integer k;

  @Option(names = "--n-init", paramLabel = "N",
      description = "k-means: restarts, the best objective kept (default: " + KMeans.DEFAULT_N_INIT + ").")
  Integer nInit;

  @Option(names = "--min-cluster-size", paramLabel = "M",
      description = "HDBSCAN: smallest cluster (default: " + Hdbscan.Options.DEFAULT_MIN_CLUSTER_SIZE + ").")
  Integer minClusterSize;

  @Option(names = "--min-samples", paramLabel = "S",
      description = "HDBSCAN: neighbours of a core point (default: --min-cluster-size).")
  Integer minSamples;

  @Option(names = "--metric", paramLabel = "M",
      description = "cosine | euclidean (default: cosine for papers, euclidean for --vectors).")
  MetricOption metric;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.jsonl",
      description = "Where the assignments go ('-' for standard output).")
  String output;

  /** How a map is built from --input: the representation clustered, the LSA dimension, the analysis. */
  static final class Building {
    @Option(names = "--representation", paramLabel = "R",
        description = "lsa (default) | tfidf (k-means only): the vectors clustered.")
    RepresentationOption representation;

    @Option(names = "--lsa-dims", paramLabel = "D",
        description = "LSA dimensions (default: ${sys:papermap.default.lsa-dims}, capped at the corpus' rank).")
    Integer lsaDims;

    @Mixin AnalysisOptions analysis;

    boolean anyGiven() {
      return representation != null || analysisGiven();
    }

    boolean analysisGiven() {
      return lsaDims != null || analysis.anyGiven();
    }

    PaperMapOptions options(CommandLine cmd, Representation r, ComputeOptions compute) {
      int threads = compute.threads(cmd);
      PaperMapOptions.Builder b = PaperMapOptions.builder().parallelism(threads).seed(compute.seed())
          .tfidf(analysis.tfidf(cmd, threads)).representation(r);
      try {
        if (lsaDims != null) {
          b.lsaDimensions(lsaDims);
        }
        return b.build();
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cmd, e.getMessage().replaceFirst("^lsaDimensions", "--lsa-dims"));
      }
    }
  }

  @Mixin Building build;

  @Mixin InputOptions read;

  @Mixin ComputeOptions compute;

  @Mixin QuietOption quiet;

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    PrintWriter err = cmd.getErr();
    boolean kmeans = algorithm == AlgorithmOption.kmeans;
    boolean tfidf = build.representation == RepresentationOption.tfidf;
    checkFlags(cmd, kmeans, tfidf);
    int threads = compute.threads(cmd);
    ProgressRenderer progress = quiet.renderer(err, cli);
    try (CliOutput out = CliOutput.open("-o", output, cli.stdout(), cmd)) {
      ClusterInput.Points points = source.load(cmd, cli, read, build, compute, tfidf, progress);
      int n = points.size();
      ClusterMetric m = metric != null ? metric.value : source.userVectors() ? ClusterMetric.EUCLIDEAN : ClusterMetric.COSINE;
      ClusterAssignments w = new ClusterAssignments(out.stream(), points);
      String step = kmeans ? "k-means" : "hdbscan";
      cli.step(step);
      progress.begin(step, n, n == 1 ? "point" : "points");
      if (kmeans) {
        int kk = k == null ? KMeans.DEFAULT_K : k;
        if (kk > n) {
          throw new ParameterException(cmd, "--k must be at most the number of points (" + n + "), got " + kk);
        }
        KMeans.Options o = KMeans.Options.builder().k(kk).metric(m).seed(compute.seed()).parallelism(threads)
            .nInit(nInit == null ? KMeans.DEFAULT_N_INIT : nInit).build();
        KMeansResult r = points.sparse() != null ? KMeans.fit(points.sparse(), o) : KMeans.fit(points.dense(), o);
        progress.advance(step, n);
        progress.end(step);
        w.kmeans(r);
      } else {
        Hdbscan.Options.Builder b = Hdbscan.Options.builder().metric(m).parallelism(threads);
        int mcs = minClusterSize == null ? Hdbscan.Options.DEFAULT_MIN_CLUSTER_SIZE : minClusterSize;
        if (mcs > n) {
          throw new ParameterException(cmd, "--min-cluster-size must be at most the number of points (" + n + "), got "
              + mcs);
        }
        b.minClusterSize(mcs);
        if (minSamples != null) {
          b.minSamples(minSamples);
        }
        HdbscanResult r = Hdbscan.fit(points.dense(), b.build());
        progress.advance(step, n);
        progress.end(step);
        w.hdbscan(r);
      }
      out.commit();
      err.println("papermap: " + w.summary(step, output));
      err.flush();
    }
    return 0;
  }

  /** Every check that needs no input, before anything is read. */
  private void checkFlags(CommandLine cmd, boolean kmeans, boolean tfidf) {
    if (kmeans && (minClusterSize != null || minSamples != null)) {
      throw new ParameterException(cmd, "--min-cluster-size and --min-samples apply to --algorithm hdbscan");
    }
    if (!kmeans && (k != null || nInit != null)) {
      throw new ParameterException(cmd, "--k and --n-init apply to --algorithm kmeans");
    }
    if (!kmeans && tfidf) {
      throw new ParameterException(cmd, "--representation tfidf needs --algorithm kmeans (HDBSCAN clusters dense"
          + " vectors: use --representation lsa)");
    }
    atLeast(cmd, "--k", k, 1);
    atLeast(cmd, "--n-init", nInit, 1);
    atLeast(cmd, "--min-cluster-size", minClusterSize, 2);
    atLeast(cmd, "--min-samples", minSamples, 1);
    compute.threads(cmd);
  }

  private static void atLeast(CommandLine cmd, String flag, Integer value, int min) {
    if (value != null && value < min) {
      throw new ParameterException(cmd, String.format(Locale.ROOT, "%s must be >= %d, got %d", flag, min, value));
    }
  }
}
