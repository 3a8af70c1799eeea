package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.papermap.IndexNeighbourProvider;
import org.papermap.PaperMapOptions;
import org.papermap.cluster.ClusterLabels;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.ClusterSelectionMethod;
import org.papermap.cluster.ClusteringMetrics;
import org.papermap.cluster.Hdbscan;
import org.papermap.cluster.HdbscanResult;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.MstAlgorithm;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.cluster.NoiseHandling;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.Paper;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.topic.Clusters;
import org.papermap.topic.KnnGraph;
import org.papermap.topic.MapLayout;
import org.papermap.topic.MapLayoutResult;
import org.papermap.topic.OutlierReassigner;
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
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfVectorizer;

/**
 * Topics for a whole corpus file, end to end, one wall time per step (driver of {@code
 * benchmarks/scripts/topics_end_to_end.sh}): parse; the facade's default TF-IDF ({@link
 * PaperMapOptions#DEFAULT_TFIDF}); LSA-100 (seed 42); topic terms (the topic stage's default unigrams and
 * bigrams); spherical k-means at {@code K} ({@code nInit} 1 at this size, seed 0) and its topics; then,
 * unless {@code --no-hdbscan}, HNSW 15-NN graph, HDBSCAN with the approximate tree over HNSW neighbours
 * (cosine on LSA-100, leaf selection, min cluster size max(10, n/1000), minSamples 5) and its topics with
 * noise moved to the nearest topic centre; with {@code --report FILE}, the 2-D map and the HTML report of
 * the k-means topics. NMI against the papers' primary labels is printed for each clustering (quality,
 * not the subject here).
 *
 * <p>Usage: {@code TopicsEndToEnd [--k K] [--threads T] [--no-hdbscan] [--report FILE] CORPUS}
 *
 * <p>Thread-safety: a command-line entry point, not meant to be shared.
 */
public final class TopicsEndToEnd {
  private TopicsEndToEnd() {}

  private static long start;
  private static long last;

  public static void main(String[] args) throws IOException {
    int k = 100;
    int threads = 2;
    boolean hdbscan = true;
    Path report = null;
    Path input = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--k" -> k = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--no-hdbscan" -> hdbscan = false;
        case "--report" -> report = Path.of(args[++i]);
        default -> input = Path.of(args[i]);
      }
    }
    if (input == null) {
      throw new IllegalArgumentException("usage: TopicsEndToEnd [--k K] [--threads T] [--no-hdbscan] [--report FILE] CORPUS");
    }
    start = last = System.nanoTime();
    Corpus corpus = CorpusReader.read(input).corpus();
    lap("parse (" + corpus.size() + " papers)");
    SparseMatrix tfidf = new TfIdfVectorizer(PaperMapOptions.DEFAULT_TFIDF.toBuilder().parallelism(threads).build())
        .fitTransform(corpus).matrix();
    lap("tf-idf (" + tfidf.cols() + " terms)");
    DenseVectors lsa = LsaModel.fit(tfidf, Lsa.Options.builder().dimensions(100).seed(42).parallelism(threads).build())
        .embeddings();
    lap("lsa-100");
    TopicTerms terms = TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().parallelism(threads).build());
    TopicData data = new TopicData(corpus, terms, lsa);
    lap("topic terms (" + terms.vocabulary().size() + " terms)");
    int[] truth = truth(corpus);

    int[] km = KMeans.fit(lsa, KMeans.Options.builder().k(k).metric(ClusterMetric.COSINE).nInit(1).seed(0)
        .parallelism(threads).build()).labels();
    lap("k-means (k " + k + ", NMI " + nmi(truth, km) + ")");
    TopicModel topics = TopicModeler.fit(data, Clusters.of(km), TopicOptions.builder().parallelism(threads).build());
    lap("k-means topics (" + topics.topicCount() + ", largest: " + topics.topic(largest(topics)).label() + ")");

    KnnGraph graph = null;
    if (hdbscan || report != null) {
      NeighbourProvider hnsw = IndexNeighbourProvider.hnsw(HnswOptions.builder().parallelism(threads).build());
      graph = KnnGraph.build(lsa, hnsw, 15);
      lap("hnsw + 15-nn graph");
      if (hdbscan) {
        HdbscanResult h = Hdbscan.fit(lsa, Hdbscan.Options.builder().minClusterSize(Math.max(10, corpus.size() / 1000))
            .minSamples(5).metric(ClusterMetric.COSINE).selectionMethod(ClusterSelectionMethod.LEAF)
            .mstAlgorithm(MstAlgorithm.APPROXIMATE).parallelism(threads).build(), hnsw);
        lap(String.format(Locale.ROOT, "hdbscan approximate (%d clusters, noise %.1f %%)", h.clusterCount(),
            100.0 * h.noiseCount() / corpus.size()));
        TopicModel ht = TopicModeler.fit(data, Clusters.of(h), TopicOptions.builder().parallelism(threads)
            .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, 0)).build());
        lap(String.format(Locale.ROOT, "hdbscan topics (%d, outliers left %d, NMI %s)", ht.topicCount(),
            ht.outlierCount(), nmi(truth, ht.assignments())));
      }
    }
    if (report != null) {
      MapLayoutResult layout = MapLayout.fit(lsa, graph, MapLayout.Options.builder().parallelism(threads).build());
      lap("map layout");
      HtmlReport.write(new ReportInput(topics, layout, graph), HtmlReport.Options.titled("Topics of " + input.getFileName()),
          report);
      lap("html report (" + Files.size(report) + " bytes)");
    }
    System.out.println(TopicEvaluation.evaluate(topics, 10));
    System.out.printf(Locale.ROOT, "%-60s %8.1f s%n", "total", (System.nanoTime() - start) / 1e9);
  }

  private static int[] truth(Corpus corpus) {
    List<String> l = new ArrayList<>(corpus.size());
    for (Paper p : corpus) {
      l.add(p.primaryLabel() == null ? "" : p.primaryLabel());
    }
    return ClusterLabels.encode(l);
  }

  private static String nmi(int[] truth, int[] pred) {
    return String.format(Locale.ROOT, "%.3f", ClusteringMetrics.compare(truth, pred, NoiseHandling.AS_LABEL).nmiArithmetic());
  }

  private static int largest(TopicModel m) {
    int best = 0;
    for (int t = 1; t < m.topicCount(); t++) {
      best = m.topic(t).size() > m.topic(best).size() ? t : best;
    }
    return best;
  }

  private static void lap(String what) {
    long now = System.nanoTime();
    System.out.printf(Locale.ROOT, "%-60s %8.1f s%n", what, (now - last) / 1e9);
    last = now;
  }
}
