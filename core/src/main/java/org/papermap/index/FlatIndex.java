package org.papermap.index;

import java.util.List;
import java.util.Objects;
import org.apache.lucene.util.VectorUtil;
import org.papermap.internal.StepProgress;
import org.papermap.internal.Tombstones;
import org.papermap.internal.TopKHeap;
import org.papermap.internal.VectorChecks;
import org.papermap.progress.ProgressListener;
import org.papermap.vector.DenseVectors;

/**
 * Exact dense search by dot product: every live vector is scored with Lucene's {@link
 * VectorUtil#dotProduct(float[], float[])} (SIMD when {@code jdk.incubator.vector} is present) and
 * the best k are kept in a bounded heap of packed longs. With L2-normalized vectors the score is the
 * cosine. This is the oracle the approximate {@code HnswIndex} is measured against, as hnswlib's
 * {@code bruteforce.h}.
 *
 * <p>Any {@code float[]} embeddings are accepted ("bring your own"), checked for dimension and finite
 * values; normalization is the caller's choice.
 *
 * <p>Thread-safety: any number of concurrent searches; {@link #add} and {@link #delete} may run
 * alongside them (a search sees the adds that completed before it started). An index that {@link
 * #wrap}s a read-only store rejects adds.
 */
public final class FlatIndex implements VectorIndex<float[]> {
  private final DenseVectorStore store;
  private final HeapVectorStore heap;
  private final Tombstones tombstones;
  private final IndexOptions options;

  private FlatIndex(DenseVectorStore store, HeapVectorStore heap, Tombstones tombstones, IndexOptions options) {
    this.store = store;
    this.heap = heap;
    this.tombstones = tombstones;
    this.options = Objects.requireNonNull(options, "options");
  }

  /** An empty, growable index of the given dimension. */
  public static FlatIndex create(int dimension, IndexOptions options) {
    HeapVectorStore h = new HeapVectorStore(dimension);
    return new FlatIndex(h, h, new Tombstones(), options);
  }

  /** An index holding copies of {@code vectors} at ords {@code 0..size-1}. */
  public static FlatIndex of(DenseVectors vectors, IndexOptions options) {
    return of(vectors, options, ProgressListener.NONE);
  }

  /**
   * As {@link #of(DenseVectors, IndexOptions)}, reporting the step {@code flat index} (in vectors) to
   * {@code progress}.
   */
  public static FlatIndex of(DenseVectors vectors, IndexOptions options, ProgressListener progress) {
    Objects.requireNonNull(vectors, "vectors");
    if (vectors.size() == 0) {
      throw new IllegalArgumentException("vectors must not be empty (the dimension is unknown)");
    }
    FlatIndex index = create(vectors.dimension(), options);
    try (StepProgress step = StepProgress.begin(progress, "flat index", vectors.size(), "vectors")) {
      for (int i = 0; i < vectors.size(); i++) {
        index.add(vectors.vector(i));
        step.add(1);
      }
    }
    return index;
  }

  /** A read-only index over an existing store (e.g. a memory-mapped file), searched in place. */
  public static FlatIndex wrap(DenseVectorStore store, IndexOptions options) {
    Objects.requireNonNull(store, "store");
    return new FlatIndex(store, null, new Tombstones(), options);
  }

  /**
   * Appends a copy of {@code vector}.
   *
   * @return its ord
   * @throws IllegalArgumentException on a dimension mismatch ("vector dimensions differ: 384!=768")
   *     or a non-finite value
   * @throws IllegalStateException if the index is read-only
   */
  public int add(float[] vector) {
    if (heap == null) {
      throw new IllegalStateException("index is read-only (opened from a file): add is not supported");
    }
    return heap.add(vector);
  }

  /** Vector dimension. */
  public int dimension() {
    return store.dimension();
  }

  /** The underlying vectors, deleted ones included. */
  public DenseVectorStore vectors() {
    return store;
  }

  /** The options this index was built with. */
  public IndexOptions options() {
    return options;
  }

  @Override
  public SearchResult search(float[] query, int k, OrdFilter filter) {
    VectorChecks.checkVector(query, store.dimension(), "query");
    VectorChecks.checkK(k);
    Objects.requireNonNull(filter, "filter");
    int kk = VectorChecks.clampK(k, store.size());
    return search(query, kk, filter, SearchResult.NO_QUERY_ORD, new float[store.dimension()], TopKHeap.bounded(kk));
  }

  private SearchResult search(
      float[] query, int k, OrdFilter filter, int excludeOrd, float[] scratch, TopKHeap heapK) {
    heapK.clear(k);
    int n = store.size();
    int visited = 0;
    for (int ord = 0; ord < n; ord++) {
      if (ord == excludeOrd || tombstones.isDeleted(ord) || !filter.accept(ord)) {
        continue;
      }
      float score = VectorUtil.dotProduct(query, store.vector(ord, scratch));
      visited++;
      heapK.offer(TopKHeap.key(score, ord));
    }
    int[] ords = new int[heapK.size()];
    float[] scores = new float[heapK.size()];
    int m = heapK.drainBestFirst(ords, scores);
    return SearchResult.of(excludeOrd, ords, scores, m, visited);
  }

  /**
   * {@inheritDoc} Exact: {@code O(n² d)} in tiles ({@link FlatAllPairs}), split over {@link
   * IndexOptions#parallelism()} workers; the answers (lists and scores) are those of one {@link #search} per
   * vector with itself excluded.
   */
  @Override
  public List<SearchResult> neighbours(int k, ProgressListener progress) {
    VectorChecks.checkK(k);
    Objects.requireNonNull(progress, "progress");
    int n = store.size();
    int kk = VectorChecks.clampK(k, n);
    try (StepProgress step = StepProgress.begin(progress, "neighbours", n, "vectors")) {
      return SearchResult.present(FlatAllPairs.neighbours(store, tombstones, kk, options, step));
    }
  }

  @Override
  public int size() {
    return store.size() - tombstones.count();
  }

  @Override
  public int ordCount() {
    return store.size();
  }

  @Override
  public boolean delete(int ord) {
    VectorChecks.checkOrd(ord, store.size());
    return tombstones.delete(ord);
  }

  @Override
  public boolean isDeleted(int ord) {
    return tombstones.isDeleted(ord);
  }

  @Override
  public String toString() {
    return "FlatIndex[size=" + size() + ", ordCount=" + ordCount() + ", dimension=" + dimension() + "]";
  }

}
