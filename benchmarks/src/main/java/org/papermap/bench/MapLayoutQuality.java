package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.IndexNeighbourProvider;
import org.papermap.cluster.NeighbourProvider;
import org.papermap.index.hnsw.HnswOptions;
import org.papermap.topic.KnnGraph;
import org.papermap.topic.MapLayout;
import org.papermap.topic.MapLayoutResult;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * How faithful the 2-D map is, for layout settings given as arguments: on LSA-100 vectors and their
 * 15-NN graph (HNSW), for 2,000 evenly spaced papers, the share of their 10 nearest papers on the map
 * that (a) have the same primary label and (b) are among their 10 nearest in LSA; the first is printed
 * beside the same share for the 10 nearest in LSA (the ceiling a faithful map approaches). Also the
 * layout's wall and process CPU seconds (indicative on a shared machine).
 *
 * <p>Usage: {@code MapLayoutQuality FILE|arxiv:N SETTINGS...}, a setting being comma-separated {@code
 * e=epochs, neg=negativeSamples, lr=learningRate, md=minDist} ({@code default} for the defaults), e.g.
 * {@code MapLayoutQuality arxiv:30000 default neg=5,lr=1,md=0.1}.
 */
public final class MapLayoutQuality {
  private static final int SAMPLE = 2000;
  private static final int K = 10;

  private MapLayoutQuality() {}

  public static void main(String[] args) throws IOException {
    Corpus corpus = args[0].startsWith("arxiv:")
        ? Corpus.of(load(Path.of("/work/shared/data/arxiv-daily.jsonl.gz"), Integer.parseInt(args[0].substring(6))))
        : CorpusReader.read(Path.of(args[0])).corpus();
    int n = corpus.size();
    DenseVectors lsa =
        LsaModel.fit(new TfIdfVectorizer(TfIdfOptions.builder().minDf(1).maxDfFraction(1.0).parallelism(2).build()).fitTransform(corpus).matrix(),
            Lsa.Options.builder().dimensions(100).parallelism(2).build()).embeddings();
    NeighbourProvider hnsw = IndexNeighbourProvider.hnsw(HnswOptions.builder().parallelism(2).build());
    KnnGraph graph = KnnGraph.build(lsa, hnsw, 15);
    int[] label = labels(corpus);
    double ceiling = 0;
    for (int s = 0; s < SAMPLE && s < n; s++) {
      int i = (int) ((long) s * n / Math.min(SAMPLE, n));
      for (int j = 0; j < Math.min(K, graph.count(i)); j++) {
        ceiling += label[graph.neighbour(i, j)] == label[i] ? 1 : 0;
      }
    }
    ceiling /= (double) K * Math.min(SAMPLE, n);
    for (int a = 1; a < args.length; a++) {
      MapLayout.Options o = options(args[a]);
      long t0 = System.nanoTime();
      long c0 = cpuMillis();
      MapLayoutResult r = MapLayout.fit(lsa, graph, o);
      double wall = (System.nanoTime() - t0) / 1e9;
      double cpu = (cpuMillis() - c0) / 1e3;
      double[] q = faithfulness(r, graph, label);
      System.out.printf(Locale.ROOT,
          "%s | %d papers | %s | wall %.1f s, cpu %.1f s | same label %.3f (LSA 10-NN %.3f) | LSA 10-NN recall %.3f%n",
          args[0], n, args[a], wall, cpu, q[0], ceiling, q[1]);
    }
  }

  private static List<org.papermap.corpus.Paper> load(Path file, int limit) throws IOException {
    Corpus all = CorpusReader.read(file).corpus();
    return all.subList(0, Math.min(limit, all.size()));
  }

  private static long cpuMillis() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L);
  }

  static MapLayout.Options options(String spec) {
    MapLayout.Options.Builder b = MapLayout.Options.builder().parallelism(2);
    if (!spec.equals("default")) {
      for (String kv : spec.split(",")) {
        String[] p = kv.split("=");
        switch (p[0]) {
          case "e" -> b.epochs(Integer.parseInt(p[1]));
          case "neg" -> b.negativeSamples(Integer.parseInt(p[1]));
          case "lr" -> b.learningRate(Double.parseDouble(p[1]));
          case "md" -> b.minDist(Double.parseDouble(p[1]));
          default -> throw new IllegalArgumentException("unknown setting '" + p[0] + "' in " + spec);
        }
      }
    }
    return b.build();
  }

  /** [same-label share, LSA-neighbour recall] of the 10 nearest on the map, over the sample. */
  static double[] faithfulness(MapLayoutResult r, KnnGraph graph, int[] label) {
    int n = r.size();
    int samples = Math.min(SAMPLE, n);
    double agree = 0;
    double recall = 0;
    long[] best = new long[K];
    for (int s = 0; s < samples; s++) {
      int i = (int) ((long) s * n / samples);
      Arrays.fill(best, Long.MAX_VALUE);
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double dx = r.x(i) - r.x(j);
        double dy = r.y(i) - r.y(j);
        long key = ((long) Float.floatToIntBits((float) (dx * dx + dy * dy)) << 32) | j;
        if (key < best[K - 1]) {
          int p = K - 1;
          while (p > 0 && best[p - 1] > key) {
            best[p] = best[p - 1];
            p--;
          }
          best[p] = key;
        }
      }
      int[] lsaNearest = Arrays.copyOf(graph.neighbours(i), Math.min(K, graph.count(i)));
      for (long key : best) {
        int j = (int) key;
        agree += label[j] == label[i] ? 1 : 0;
        for (int x : lsaNearest) {
          recall += x == j ? 1 : 0;
        }
      }
    }
    return new double[] {agree / (K * (double) samples), recall / (K * (double) samples)};
  }

  private static int[] labels(Corpus corpus) {
    Map<String, Integer> ids = new HashMap<>();
    int[] out = new int[corpus.size()];
    for (int i = 0; i < out.length; i++) {
      String l = corpus.get(i).primaryLabel();
      out[i] = l == null ? -1 - i : ids.computeIfAbsent(l, x -> ids.size());
    }
    return out;
  }
}
