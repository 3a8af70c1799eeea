package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
}
