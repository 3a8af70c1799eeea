package org.papermap.bench;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.ReadResult;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * Writes real LSA embeddings of a corpus for the HNSW benchmarks: reads the corpus with {@link
 * CorpusReader} (strict, NFKC), fits TF-IDF with our default analysis ({@code minDf 2, maxDf 0.5}) once,
 * then {@link LsaModel#fit} (seed 42) for each requested dimension, and splits the L2-normalized rows into
 * a base set and a held-out query set: every {@code stride}-th paper (ords 0, stride, 2·stride, ...) is
 * a query and is NOT in the base set, as in the usual ANN-benchmark practice.
 *
 * <p>Usage: {@code LsaVectorsExport <corpus> <outDir> <stride> <parallelism> <dim>...}; writes {@code
 * lsa-<dim>-base.fvecs.be} and {@code lsa-<dim>-queries.fvecs.be}. File format (read back by {@link
 * VectorFile}): big-endian {@code int n, int d}, then {@code n·d} floats row by row (DataOutputStream).
 *
 * <p>Thread-safety: a command-line entry point, not meant to be shared.
 */
public final class LsaVectorsExport {
  private LsaVectorsExport() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 5) {
      throw new IllegalArgumentException(
          "usage: LsaVectorsExport <corpus> <outDir> <stride> <parallelism> <dim>...");
    }
    Path corpusFile = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    int stride = Integer.parseInt(args[2]);
    int parallelism = Integer.parseInt(args[3]);
    if (stride < 2) {
      throw new IllegalArgumentException("stride must be >= 2, got " + stride);
    }
    Files.createDirectories(outDir);

    long t0 = System.nanoTime();
    ReadResult read = CorpusReader.read(List.of(corpusFile), CorpusReader.Options.defaults());
    Corpus corpus = read.corpus();
    log("read %d papers from %s in %.1fs", corpus.size(), corpusFile, secondsSince(t0));

    t0 = System.nanoTime();
    TfIdfResult tfidf =
        new TfIdfVectorizer(
                TfIdfOptions.builder().minDf(2).maxDfFraction(0.5).parallelism(parallelism).build())
            .fitTransform(corpus);
    SparseMatrix matrix = tfidf.matrix();
    log("tf-idf %d x %d, nnz %d in %.1fs", matrix.rows(), matrix.cols(), matrix.nnz(), secondsSince(t0));

    for (int a = 4; a < args.length; a++) {
      int dim = Integer.parseInt(args[a]);
      t0 = System.nanoTime();
      LsaModel model =
          LsaModel.fit(matrix, Lsa.Options.builder().dimensions(dim).seed(42).parallelism(parallelism).build());
      log("lsa d=%d in %.1fs", dim, secondsSince(t0));
      DenseVectors emb = model.embeddings();
      int n = emb.size();
      int queries = (n + stride - 1) / stride;
      Path base = outDir.resolve("lsa-" + dim + "-base.fvecs.be");
      Path query = outDir.resolve("lsa-" + dim + "-queries.fvecs.be");
      try (DataOutputStream b = open(base);
          DataOutputStream q = open(query)) {
        b.writeInt(n - queries);
        b.writeInt(dim);
        q.writeInt(queries);
        q.writeInt(dim);
        for (int i = 0; i < n; i++) {
          DataOutputStream out = i % stride == 0 ? q : b;
          float[] v = emb.vector(i);
          for (int j = 0; j < dim; j++) {
            out.writeFloat(v[j]);
          }
        }
      }
      log("wrote %s (%d rows) and %s (%d rows)", base, n - queries, query, queries);
    }
  }

  private static DataOutputStream open(Path p) throws IOException {
    return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16));
  }

  private static double secondsSince(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static void log(String fmt, Object... args) {
    System.out.printf(Locale.ROOT, fmt + "%n", args);
  }
}
