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
import org.papermap.topic.Clusters;
import org.papermap.topic.KnnGraph;
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
 * Topics and an HTML report for a labelled corpus, stage by stage: TF-IDF, LSA-100, an HNSW index whose
 * neighbours feed the map layout and the related papers, topics from a clustering, the 2-D layout, the
 * report. Until the clusterers are on main the clustering is the corpus's own primary labels (papers
 * without one are noise); that is the one line to change for {@code KMeans} or {@code Hdbscan}.
 *
 * <p>Usage: {@code TopicReportExample [--max N] [--threads T] -o report.html FILE...}
 */
public final class TopicReportExample {
  private TopicReportExample() {}

  public static void main(String[] args) throws IOException {
    List<Path> inputs = new ArrayList<>();
    Path out = Path.of("report.html");
    int max = Integer.MAX_VALUE;
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-o" -> out = Path.of(args[++i]);
        case "--max" -> max = Integer.parseInt(args[++i]);
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        default -> inputs.add(Path.of(args[i]));
      }
    }
    if (inputs.isEmpty()) {
      System.err.println("usage: TopicReportExample [--max N] [--threads T] -o report.html FILE...");
      System.exit(2);
    }
    Corpus all = CorpusReader.read(inputs.toArray(Path[]::new)).corpus();
    Corpus corpus = all.size() <= max ? all : Corpus.of(all.subList(0, max));
    long t0 = System.nanoTime();

    TfIdfResult tfidf =
        new TfIdfVectorizer(TfIdfOptions.builder().parallelism(threads).build()).fitTransform(corpus);
    DenseVectors lsa =
        LsaModel.fit(tfidf.matrix(), Lsa.Options.builder().dimensions(100).parallelism(threads).build())
            .embeddings();
    long t1 = lap("tf-idf + lsa-100", t0);

    NeighbourProvider hnsw = IndexNeighbourProvider.hnsw(HnswOptions.builder().parallelism(threads).build());
    KnnGraph graph = KnnGraph.build(lsa, hnsw, 15);
    long t2 = lap("hnsw + 15-nn graph", t1);

    Clusters clusters = Clusters.of(primaryLabels(corpus)); // later: KMeans.fit(lsa, ...) labels
    TopicTerms terms = TopicTerms.count(corpus, TopicTerms.defaultOptions().toBuilder().parallelism(threads).build());
    TopicData data = new TopicData(corpus, terms, lsa);
    TopicModel topics = TopicModeler.fit(data, clusters, TopicOptions.builder().parallelism(threads).build());
    long t3 = lap("topics (" + topics.topicCount() + ")", t2);

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
