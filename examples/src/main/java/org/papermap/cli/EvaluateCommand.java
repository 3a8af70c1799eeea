package org.papermap.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.papermap.cluster.ClusterLabels;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.ExternalScores;
import org.papermap.cluster.NoiseHandling;
import org.papermap.cluster.SilhouetteOptions;
import org.papermap.vector.DenseVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code papermap evaluate}: a clustering against true labels (and its silhouette, given the vectors). */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Score cluster assignments (JSON Lines with \"id\" and \"cluster\", as 'papermap cluster' writes them) against"
          + " true labels (JSON Lines with \"id\" and the --field): ARI, NMI, AMI, homogeneity, completeness, V-measure,"
          + " Fowlkes-Mallows; with --vectors also the silhouette. Every id must be in both files. Noise (-1) counts as"
          + " one more cluster; with noise, the scores of the clustered papers alone and the noise share follow."
    })
final class EvaluateCommand implements Callable<Integer> {
  /** Silhouette is quadratic: above this many points, a seeded sample of this size is scored. */
  static final int SILHOUETTE_SAMPLE = 10_000;

  @Spec CommandSpec spec;

  @Mixin ExitCodes exitCodes;

  @Option(names = "--assignments", required = true, paramLabel = "A.jsonl", description = "Cluster of each id.")
  Path assignments;

  @Option(names = "--truth", required = true, paramLabel = "papers.jsonl", description = "True label of each id.")
  Path truth;

  @Option(names = "--field", defaultValue = "label", paramLabel = "NAME",
      description = "Field of --truth that holds the label (default: ${DEFAULT-VALUE}).")
  String field;

  @Option(names = "--vectors", paramLabel = "FILE.csv",
      description = "The clustered vectors (as 'cluster --vectors' reads them), for the silhouette.")
  Path vectors;

  @Option(names = "--metric", defaultValue = "euclidean", paramLabel = "M",
      description = "Silhouette distance: cosine | euclidean (default: ${DEFAULT-VALUE}).")
  ClusterCommand.MetricOption metric;

  @Option(names = "--json", description = "One JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Map<String, String> clusters = JsonlField.read(assignments, "cluster", true);
    Map<String, String> labels = JsonlField.read(truth, field, false);
    checkSameIds(clusters, labels);
    List<String> ids = new ArrayList<>(clusters.keySet());
    int n = ids.size();
    int[] pred = new int[n];
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pred[i] = Integer.parseInt(clusters.get(ids.get(i)));
      names.add(labels.get(ids.get(i)));
    }
    int[] gold = ClusterLabels.encode(names);
    ExternalScores all = ClusteringMetrics.compare(gold, pred, NoiseHandling.AS_LABEL);
    ExternalScores clustered =
        all.noisePoints() > 0 && all.noisePoints() < n ? ClusteringMetrics.compare(gold, pred, NoiseHandling.CLUSTERED_ONLY) : null;
    Double silhouette = vectors == null ? null : silhouette(ids, pred);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      writeJson(out, all, clustered, silhouette);
    } else {
      writeText(out, all, clustered, silhouette);
    }
    out.flush();
    return 0;
  }

  private void checkSameIds(Map<String, String> clusters, Map<String, String> labels) throws IOException {
    missing(clusters.keySet(), labels.keySet(), assignments, truth);
    missing(labels.keySet(), clusters.keySet(), truth, assignments);
  }

  private static void missing(java.util.Set<String> from, java.util.Set<String> in, Path fromFile, Path inFile)
      throws IOException {
    List<String> absent = new ArrayList<>();
    for (String id : from) {
      if (!in.contains(id)) {
        absent.add(id);
      }
    }
    if (!absent.isEmpty()) {
      throw new IOException(String.format(Locale.ROOT, "%d id(s) of %s are not in %s (first: %s); every id must be in"
          + " both files", absent.size(), fromFile, inFile, String.join(", ", absent.subList(0, Math.min(3, absent.size())))));
    }
  }

  /** Mean silhouette of the clustered points (noise left out), on a seeded sample above SILHOUETTE_SAMPLE; null if undefined. */
  private Double silhouette(List<String> ids, int[] pred) throws IOException {
    VectorsCsv v = VectorsCsv.read(vectors);
    if (!new HashSet<>(v.ids()).equals(new HashSet<>(ids))) {
      missing(new HashSet<>(ids), new HashSet<>(v.ids()), assignments, vectors);
      missing(new HashSet<>(v.ids()), new HashSet<>(ids), vectors, assignments);
    }
    Map<String, Integer> row = new LinkedHashMap<>();
    for (int i = 0; i < v.ids().size(); i++) {
      row.put(v.ids().get(i), i);
    }
    float[][] x = new float[ids.size()][];
    for (int i = 0; i < ids.size(); i++) {
      x[i] = v.vectors().vector(row.get(ids.get(i)));
    }
    int clustered = ids.size() - ClusterLabels.count(pred, ClusterMetric.NOISE);
    int distinct = (int) java.util.Arrays.stream(pred).filter(l -> l != ClusterMetric.NOISE).distinct().count();
    if (distinct < 2 || distinct >= clustered) {
      return null;
    }
    SilhouetteOptions o = SilhouetteOptions.of(metric.value).withNoise(NoiseHandling.CLUSTERED_ONLY);
    if (clustered > SILHOUETTE_SAMPLE) {
      o = o.withSample(SILHOUETTE_SAMPLE, 0);
    }
    return ClusteringMetrics.silhouette(DenseVectors.of(x), pred, o);
  }

  private static void writeText(PrintWriter out, ExternalScores all, ExternalScores clustered, Double silhouette) {
    int noise = all.noisePoints();
    out.printf(Locale.ROOT, "papers %d, classes %d, clusters %d, noise %d (%.1f%%%s)%n", all.points(), all.classes(),
        all.clusters() - (noise > 0 ? 1 : 0), noise, 100.0 * noise / all.points(),
        noise > 0 ? "; one more cluster in 'all', left out in 'clustered'" : "");
    out.printf(Locale.ROOT, "%-18s %10s%s%n", "metric", "all", clustered == null ? "" : "  clustered");
    row(out, "ARI", all.adjustedRandIndex(), clustered == null ? null : clustered.adjustedRandIndex());
    row(out, "NMI", all.nmiArithmetic(), clustered == null ? null : clustered.nmiArithmetic());
    row(out, "AMI", all.amiArithmetic(), clustered == null ? null : clustered.amiArithmetic());
    row(out, "homogeneity", all.homogeneity(), clustered == null ? null : clustered.homogeneity());
    row(out, "completeness", all.completeness(), clustered == null ? null : clustered.completeness());
    row(out, "V-measure", all.vMeasure(), clustered == null ? null : clustered.vMeasure());
    row(out, "Fowlkes-Mallows", all.fowlkesMallows(), clustered == null ? null : clustered.fowlkesMallows());
    if (silhouette != null) {
      out.printf(Locale.ROOT, "%-18s %10.4f (clustered points)%n", "silhouette", silhouette);
    }
  }

  private static void row(PrintWriter out, String name, double all, Double clustered) {
    out.printf(Locale.ROOT, "%-18s %10.4f%s%n", name, all,
        clustered == null ? "" : String.format(Locale.ROOT, "  %9.4f", clustered));
  }

  private void writeJson(PrintWriter out, ExternalScores all, ExternalScores clustered, Double silhouette)
      throws IOException {
    // Not closed: that would close standard output.
    JsonGenerator g = JsonFactory.builder().build().createGenerator(out);
    {
      g.writeStartObject();
      g.writeNumberField("papers", all.points());
      g.writeNumberField("classes", all.classes());
      g.writeNumberField("clusters", all.clusters() - (all.noisePoints() > 0 ? 1 : 0));
      g.writeNumberField("noise", all.noisePoints());
      g.writeNumberField("noise_share", (double) all.noisePoints() / all.points());
      scores(g, "all", all);
      if (clustered != null) {
        scores(g, "clustered", clustered);
      }
      if (vectors != null) {
        g.writeFieldName("silhouette");
        if (silhouette == null) {
          g.writeNull();
        } else {
          g.writeNumber(silhouette);
        }
      }
      g.writeEndObject();
    }
    g.flush();
    out.println();
  }

  private static void scores(JsonGenerator g, String name, ExternalScores s) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("ari", s.adjustedRandIndex());
    g.writeNumberField("nmi", s.nmiArithmetic());
    g.writeNumberField("ami", s.amiArithmetic());
    g.writeNumberField("homogeneity", s.homogeneity());
    g.writeNumberField("completeness", s.completeness());
    g.writeNumberField("v_measure", s.vMeasure());
    g.writeNumberField("fowlkes_mallows", s.fowlkesMallows());
    g.writeEndObject();
  }
}
