package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.papermap.corpus.Corpus;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * The inputs of the HDBSCAN benchmarks: L2-normalized LSA embeddings of the first n arxiv-daily
 * abstracts (TF-IDF with minDf 2, maxDf 0.5 as {@link LsaVectorsExport}; LSA seed 42), or the first n
 * rows of a vector file written by {@link LsaVectorsExport} ({@code <prefix>-base.fvecs.be}). Falls back
 * to the bundled sample when the data file is absent (then n is at most its size).
 *
 * <p>Thread-safety: static helpers; each call builds its own data.
 */
final class HdbscanData {
  private HdbscanData() {}

  /** {@code n × dim} unit rows (all-zero LSA rows stay zero). */
  static float[][] vectors(String filePrefix, int n, int dim, int parallelism) throws IOException {
    if (!filePrefix.isEmpty()) {
      float[][] rows = VectorFile.read(Path.of(filePrefix + "-base.fvecs.be"));
      VectorFile.checkDimension(rows, dim, filePrefix + "-base.fvecs.be");
      return Arrays.copyOf(rows, Math.min(n, rows.length));
    }
    Corpus corpus = BenchData.load(n);
    TfIdfVectorizer tfidf = new TfIdfVectorizer(
        TfIdfOptions.builder().minDf(2).maxDfFraction(0.5).parallelism(parallelism).build());
    DenseVectors emb = LsaModel.fit(tfidf.fitTransform(corpus).matrix(),
        Lsa.Options.builder().dimensions(dim).seed(42).parallelism(parallelism).build()).embeddings();
    float[][] rows = new float[emb.size()][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = emb.copyOf(i);
    }
    return rows;
  }

  static double[][] toDouble(float[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = rows[i][j];
      }
    }
    return out;
  }

  /**
   * Adjusted Rand index (noise is one more label), for the side-by-side checks. To be replaced by
   * {@code org.papermap.cluster}'s metrics when they land.
   */
  static double ari(int[] a, int[] b) {
    Map<Long, Long> pairs = new HashMap<>();
    Map<Integer, Long> ra = new HashMap<>();
    Map<Integer, Long> rb = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      pairs.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1L, Long::sum);
      ra.merge(a[i], 1L, Long::sum);
      rb.merge(b[i], 1L, Long::sum);
    }
    double index = pairs.values().stream().mapToDouble(HdbscanData::pairsOf).sum();
    double sa = ra.values().stream().mapToDouble(HdbscanData::pairsOf).sum();
    double sb = rb.values().stream().mapToDouble(HdbscanData::pairsOf).sum();
    double expected = sa * sb / pairsOf(a.length);
    double max = (sa + sb) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  private static double pairsOf(long c) {
    return c * (c - 1) / 2.0;
  }
}
