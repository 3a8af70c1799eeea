package org.papermap.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.papermap.cluster.ClusterMetric;
import org.papermap.cluster.KMeans;
import org.papermap.cluster.KMeansResult;
import org.papermap.corpus.Corpus;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.MatrixMarket;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * Our side of {@code benchmarks/scripts/kmeans_side_by_side.sh}.
 *
 * <ul>
 *   <li>{@code export DOCS DIR PARALLELISM}: the first DOCS arxiv-daily papers ({@link BenchData}), our
 *       default TF-IDF (the facade's: minDf 2, maxDf 0.5) written as {@code DIR/tfidf.mtx} (Matrix Market),
 *       and its L2-normalized LSA-100 (seed 42) as {@code DIR/lsa.f32} (big-endian {@code n, d}, then the
 *       floats, as {@link VectorFile} reads). scikit-learn then clusters the very same vectors.
 *   <li>{@code run DIR K NINIT REPS PARALLELISM lsa|tfidf LABELS_OUT}: times {@link KMeans#fit} (COSINE,
 *       i.e. spherical; default algorithm, seed 0) REPS times on one of them and prints one JSON object with the
 *       wall and process-CPU seconds of every rep (the first is on a cold JIT), the objective and the
 *       iterations; writes the labels of the last rep, one per line.
 * </ul>
 *
 * <p>Thread-safety: a command-line entry point, not meant to be shared.
 */
public final class KMeansSideBySide {
  private KMeansSideBySide() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 4 && args[0].equals("export")) {
      export(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
    } else if (args.length == 8 && args[0].equals("run")) {
      run(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
          Integer.parseInt(args[5]), args[6], Path.of(args[7]));
    } else {
      throw new IllegalArgumentException(
          "usage: KMeansSideBySide export DOCS DIR PARALLELISM | run DIR K NINIT REPS PARALLELISM lsa|tfidf LABELS_OUT");
    }
  }

  private static void export(int docs, Path dir, int parallelism) throws IOException {
    Files.createDirectories(dir);
    Corpus corpus = BenchData.load(docs);
    SparseMatrix tfidf =
        new TfIdfVectorizer(TfIdfOptions.builder().minDf(2).maxDfFraction(0.5).parallelism(parallelism).build())
            .fitTransform(corpus).matrix();
    MatrixMarket.write(tfidf, dir.resolve("tfidf.mtx"));
    DenseVectors lsa =
        LsaModel.fit(tfidf, Lsa.Options.builder().dimensions(100).seed(42).parallelism(parallelism).build()).embeddings();
    VectorFile.write(lsa, dir.resolve("lsa.f32"));
    System.out.printf(Locale.ROOT, "{\"papers\": %d, \"terms\": %d, \"nnz\": %d, \"lsa_dims\": %d}%n",
        corpus.size(), tfidf.cols(), tfidf.nnz(), lsa.dimension());
  }

  private static void run(Path dir, int k, int nInit, int reps, int parallelism, String input, Path labelsOut)
      throws IOException {
    KMeans.Options options =
        KMeans.Options.builder().k(k).nInit(nInit).metric(ClusterMetric.COSINE).seed(0).parallelism(parallelism).build();
    DenseVectors lsa = null;
    SparseMatrix tfidf = null;
    long t0 = System.nanoTime();
    if (input.equals("lsa")) {
      lsa = DenseVectors.of(VectorFile.read(dir.resolve("lsa.f32")));
    } else if (input.equals("tfidf")) {
      tfidf = MatrixMarket.read(dir.resolve("tfidf.mtx"));
    } else {
      throw new IllegalArgumentException("input must be lsa or tfidf, got " + input);
    }
    double readSeconds = (System.nanoTime() - t0) / 1e9;
    double[] seconds = new double[reps];
    double[] cpuSeconds = new double[reps];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    KMeansResult r = null;
    for (int rep = 0; rep < reps; rep++) {
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      r = lsa != null ? KMeans.fit(lsa, options) : KMeans.fit(tfidf, options);
      seconds[rep] = (System.nanoTime() - start) / 1e9;
      cpuSeconds[rep] = (os.getProcessCpuTime() - cpu) / 1e9;
    }
    try (BufferedWriter w = Files.newBufferedWriter(labelsOut, StandardCharsets.UTF_8)) {
      for (int i = 0; i < r.n(); i++) {
        w.write(Integer.toString(r.label(i)));
        w.newLine();
      }
    }
    System.out.printf(Locale.ROOT,
        "{\"side\": \"papermap\", \"input\": \"%s\", \"n\": %d, \"dims\": %d, \"k\": %d, \"n_init\": %d,"
            + " \"parallelism\": %d, \"read_seconds\": %.3f, \"fit_seconds\": %s, \"fit_cpu_seconds\": %s,"
            + " \"objective\": %.6f, \"iterations\": %d, \"best_restart\": %d}%n",
        input, r.n(), r.dimension(), k, nInit, parallelism, readSeconds, Arrays.toString(seconds),
        Arrays.toString(cpuSeconds), r.objective(), r.iterations(), r.bestRestart());
  }
}
