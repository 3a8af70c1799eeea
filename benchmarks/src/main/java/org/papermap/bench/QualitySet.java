package org.papermap.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.papermap.cluster.ClusterLabels;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.Paper;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * One labelled set of the quality drivers ({@link KMeansQuality}, {@link HdbscanQuality}): the papers,
 * their primary labels (and codes), our default TF-IDF (the facade's: minDf 2, maxDf 0.5) and its
 * L2-normalized LSA-100 (seed 42).
 *
 * <p>Thread-safety: immutable once read.
 */
record QualitySet(
    String name, Corpus corpus, List<String> labelNames, int[] truth, int k, SparseMatrix tfidf, DenseVectors lsa) {

  static QualitySet read(String name, Path file, int parallelism) throws IOException {
    Corpus corpus = CorpusReader.read(List.of(file), CorpusReader.Options.defaults()).corpus();
    List<String> labelNames = new ArrayList<>(corpus.size());
    for (Paper p : corpus) {
      labelNames.add(p.primaryLabel());
    }
    int[] truth = ClusterLabels.encode(labelNames);
    int k = 0;
    for (int t : truth) {
      k = Math.max(k, t + 1);
    }
    SparseMatrix tfidf =
        new TfIdfVectorizer(TfIdfOptions.builder().minDf(2).maxDfFraction(0.5).parallelism(parallelism).build())
            .fitTransform(corpus).matrix();
    DenseVectors lsa =
        LsaModel.fit(tfidf, Lsa.Options.builder().dimensions(100).seed(42).parallelism(parallelism).build()).embeddings();
    return new QualitySet(name, corpus, labelNames, truth, k, tfidf, lsa);
  }

  /**
   * Writes the LSA vectors to {@code DIR/NAME.lsa.f32} and the labels to {@code DIR/NAME.labels.txt}, so that
   * {@code kmeans_quality_sklearn.py} clusters the very same vectors (and checks the row order).
   */
  void exportForSklearn(Path dir) throws IOException {
    VectorFile.write(lsa, dir.resolve(name + ".lsa.f32"));
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(name + ".labels.txt"), StandardCharsets.UTF_8)) {
      for (String l : labelNames) {
        w.write(l);
        w.newLine();
      }
    }
  }

  /** {@code NAME=FILE} of the command line. */
  static String[] nameAndFile(String arg) {
    int eq = arg.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("dataset must be NAME=FILE, got " + arg);
    }
    return new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
  }
}
