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
 * Builds the parts of a map ({@link PaperMap#build}): TF-IDF and its index, with LSA the LSA model and
 * the dense index, and the topics when the options ask for them.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class MapBuilder {
  private MapBuilder() {}

  static MapParts build(Corpus corpus, PaperMapOptions options, ProgressListener progress) {
    TfIdfResult tfidf =
        new TfIdfVectorizer(options.tfidf().toBuilder().parallelism(options.parallelism()).build())
            .fitTransform(corpus, progress);
    IndexOptions indexOptions = IndexOptions.DEFAULT.withParallelism(options.parallelism());
    SparseIndex sparse = SparseIndex.build(tfidf.matrix(), indexOptions, progress);
    LsaModel lsa = null;
    VectorIndex<float[]> dense = null;
    if (options.representation() != Representation.TFIDF) {
      SparseMatrix x = tfidf.matrix();
      int d = Math.min(options.lsaDimensions(), Math.min(x.rows(), x.cols()));
      lsa =
          LsaModel.fit(
              x,
              Lsa.Options.builder()
                  .dimensions(d)
                  .seed(options.seed())
                  .parallelism(options.parallelism())
                  .build(),
              progress);
      dense = denseIndex(lsa.embeddings(), options, progress);
    }
    MapParts parts = new MapParts(options.toBuilder().topics(null).build(), corpus, tfidf, sparse, lsa, dense);
    return options.topics() == null ? parts : parts.withTopics(MapTopics.fit(parts, options.topics(), progress));
  }

  private static VectorIndex<float[]> denseIndex(DenseVectors v, PaperMapOptions options, ProgressListener progress) {
    if (options.denseIndex() == PaperMapOptions.DenseIndex.FLAT) {
      return FlatIndex.of(v, IndexOptions.DEFAULT.withParallelism(options.parallelism()), progress);
    }
    return HnswIndex.build(
        v, options.hnsw().toBuilder().parallelism(options.parallelism()).seed(options.seed()).build(), progress);
  }

}
