package org.papermap.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.Paper;
import org.papermap.IndexNeighbourProvider;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.cluster.ClusterSelectionMethod;
import org.papermap.cluster.HdbscanResult;
import org.papermap.topic.Clusters;
import org.papermap.topic.OutlierReassigner;
import org.papermap.topic.KnnGraph;
import org.papermap.topic.MapDensityClustering;
import org.papermap.topic.MapLayout;
import org.papermap.topic.MapLayoutResult;
import org.papermap.topic.Topic;
import org.papermap.topic.TopicData;
import org.papermap.topic.TopicEvaluation;
import org.papermap.topic.TopicModel;
import org.papermap.topic.TopicModeler;
import org.papermap.topic.TopicOptions;
import org.papermap.topic.TopicTerms;
import org.papermap.topic.report.HtmlReport;
import org.papermap.topic.report.ReportInput;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfVectorizer;

/**
 * Topics and an HTML report for a corpus, stage by stage: TF-IDF, LSA-100, an HNSW index whose
 * neighbours feed the layouts and the related papers, HDBSCAN on a 5-D layout of the papers (minDist 0, leaf,
 * max(5, n/100), minSamples 15, as the facade), topics from the clustering (noise moved
 * to the nearest topic centre when it is at least {@code --threshold} cosine-similar), the 2-D layout,
 * the report. {@code --clusters labels} uses the corpus's own primary labels as the clustering instead
 * (papers without one are noise), to see how known categories look.
 *
 * <p>Usage: {@code TopicReportExample [--clusters hdbscan|labels] [--selection leaf|eom] [--min-cluster-size M]
 * [--threshold T] [--max N] [--threads T] -o report.html FILE...}
 */
public final class TopicReportExample {
  private TopicReportExample() {}

  public static void main(String[] args) throws IOException {
    List<Path> inputs = new ArrayList<>();
    Path out = Path.of("report.html");
    int max = Integer.MAX_VALUE;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    String clustering = "hdbscan";
    ClusterSelectionMethod selection = ClusterSelectionMethod.LEAF;
    int minClusterSize = 0;
    double threshold = 0.0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-o" -> out = Path.of(args[++i]);
        case "--clusters" -> clustering = args[++i];
        case "--selection" -> selection = ClusterSelectionMethod.valueOf(args[++i].toUpperCase(Locale.ROOT));
        case "--min-cluster-size" -> minClusterSize = Integer.parseInt(args[++i]);
        case "--threshold" -> threshold = Double.parseDouble(args[++i]);
        case "--max" -> max = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        default -> inputs.add(Path.of(args[i]));
      }
    }
    if (inputs.isEmpty()) {
      System.err.println("usage: TopicReportExample [--clusters hdbscan|labels] [--selection leaf|eom] [--min-cluster-size M]"
          + " [--threshold T] [--max N] [--threads T] -o report.html FILE...");
      System.exit(2);
    }
    Corpus all = CorpusReader.read(inputs.toArray(Path[]::new)).corpus();
    Corpus corpus = all.size() <= max ? all : Corpus.of(all.subList(0, max));
    long t0 = System.nanoTime();

    TfIdfResult tfidf =
        new TfIdfVectorizer(TfIdfOptions.builder().minDf(1).maxDfFraction(1.0).parallelism(threads).build())
            .fitTransform(corpus);
    DenseVectors lsa =
        LsaModel.fit(tfidf.matrix(), Lsa.Options.builder().dimensions(100).parallelism(threads).build())
            .embeddings();
    long t1 = lap("tf-idf + lsa-100", t0);

    NeighbourProvider hnsw = IndexNeighbourProvider.hnsw(HnswOptions.builder().parallelism(threads).build());
    KnnGraph graph = KnnGraph.build(lsa, hnsw, 15);
    long t2 = lap("hnsw + 15-nn graph", t1);

    Clusters clusters;
    if (clustering.equals("labels")) {
      clusters = Clusters.of(primaryLabels(corpus));
    } else {
      // HDBSCAN on a 5-D layout, as the facade's HDBSCAN topics (docs/topics.md): on LSA-100 it left
      // 42-86 % of the papers as noise (docs/bench/topics.md).
      int m = minClusterSize > 0 ? minClusterSize : MapDensityClustering.minClusterSize(corpus.size());
      double[][] xy = MapDensityClustering.layout(lsa, hnsw, 42, threads);
      HdbscanResult h = MapDensityClustering.cluster(xy, MapDensityClustering.options(
          corpus.size(), m, MapDensityClustering.minSamplesFor(corpus.size()), threads).toBuilder().selectionMethod(selection).build());
      clusters = Clusters.of(h);
    }
    long t3a = lap("clusters (" + clusters.clusterCount() + ", noise " + clusters.noiseCount() + ")", t2);
    TopicTerms terms = TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().parallelism(threads).build());
    TopicData data = new TopicData(corpus, terms, lsa);
    TopicOptions options = TopicOptions.builder().parallelism(threads)
        .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, threshold))
        .build();
    TopicModel topics = TopicModeler.fit(data, clusters, options);
    System.out.printf(Locale.ROOT, "outliers: %,d of %,d noise papers moved to a topic (%.1f %%), %,d left%n",
        topics.reassignedCount(), topics.initialOutlierCount(), 100 * topics.reassignedShare(), topics.outlierCount());
    long t3 = lap("topics (" + topics.topicCount() + ")", t3a);

    MapLayoutResult layout = MapLayout.fit(lsa, graph, MapLayout.Options.builder().parallelism(threads).build());
    long t4 = lap("layout", t3);

    HtmlReport.write(new ReportInput(topics, layout, graph),
        HtmlReport.Options.titled("Topics of " + inputs.get(0).getFileName()), out);
    lap("report", t4);

    for (Topic t : topics.topics().subList(0, Math.min(10, topics.topicCount()))) {
      System.out.printf(Locale.ROOT, "%3d %6d  %s%n", t.id(), t.size(), t.label());
    }
    System.out.println(TopicEvaluation.evaluate(topics, 10));
    System.out.printf(Locale.ROOT, "%s: %,d bytes, %,d papers%n", out, Files.size(out), corpus.size());
  }

  /** Dense cluster numbers from the papers' primary labels (in label order); -1 without a label. */
  static int[] primaryLabels(Corpus corpus) {
    TreeMap<String, Integer> ids = new TreeMap<>();
    for (Paper p : corpus) {
      if (p.primaryLabel() != null) {
        ids.put(p.primaryLabel(), 0);
      }
    }
    int next = 0;
    for (var e : ids.entrySet()) {
      e.setValue(next++);
    }
    int[] labels = new int[corpus.size()];
    for (int i = 0; i < labels.length; i++) {
      String l = corpus.get(i).primaryLabel();
      labels[i] = l == null ? -1 : ids.get(l);
    }
    return labels;
  }

  private static long lap(String what, long since) {
    long now = System.nanoTime();
    System.out.printf(Locale.ROOT, "%-22s %8.2f s%n", what, (now - since) / 1e9);
    return now;
  }
}
