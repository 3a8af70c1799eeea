package org.papermap;

import org.papermap.corpus.Corpus;
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.SparseIndex;
import org.papermap.index.VectorIndex;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.progress.ProgressListener;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfVectorizer;

/**
 * The steps of {@link PaperMap#build}: TF-IDF, its sparse index, LSA (every map holds it), the dense
 * index, the neighbour smoothing of the LSA vectors, and the topics when the options ask for them.
 *
 * <p>Thread-safety: a static utility; safe.
 */
final class MapBuilder {
  private MapBuilder() {}

  /** The parts of a map of a non-empty {@code corpus}. */
  static MapParts build(Corpus corpus, PaperMapOptions options, ProgressListener progress) {
    TfIdfResult tfidf =
        new TfIdfVectorizer(options.tfidf().toBuilder().parallelism(options.parallelism()).build())
            .fitTransform(corpus, progress);
    IndexOptions indexOptions = IndexOptions.DEFAULT.withParallelism(options.parallelism());
    SparseIndex sparse = SparseIndex.build(tfidf.matrix(), indexOptions, progress);
    // Every map holds the LSA side too, so that any representation can be asked for at query time.
    SparseMatrix x = tfidf.matrix();
    int d = Math.min(options.lsaDimensions(), Math.min(x.rows(), x.cols()));
    LsaModel lsa =
        LsaModel.fit(
            x,
            Lsa.Options.builder().dimensions(d).seed(options.seed()).parallelism(options.parallelism()).build(),
            progress);
    DenseVectors vectors = lsa.embeddings();
    VectorIndex<float[]> dense = denseIndex(vectors, options, progress);
    if (options.smoothingNeighbours() > 0 && vectors.size() > 1) {
      vectors = NeighbourSmoothing.smooth(
          vectors, dense, options.smoothingNeighbours(), options.smoothingWeight(), progress);
      dense = denseIndex(vectors, options, ProgressListener.NONE);
    }
    MapParts parts = new MapParts(options.toBuilder().topics(null).build(), corpus, tfidf, sparse, lsa, dense);
    return options.topics() == null ? parts : parts.withTopics(MapTopics.fit(parts, options.topics(), progress));
  }

  /** The dense index of {@code v} as {@code options} ask (exact flat or HNSW). */
  static VectorIndex<float[]> denseIndex(DenseVectors v, PaperMapOptions options, ProgressListener progress) {
    if (options.denseIndex() == PaperMapOptions.DenseIndex.FLAT) {
      return FlatIndex.of(v, IndexOptions.DEFAULT.withParallelism(options.parallelism()), progress);
    }
    return HnswIndex.build(
        v, options.hnsw().toBuilder().parallelism(options.parallelism()).seed(options.seed()).build(), progress);
  }
}
