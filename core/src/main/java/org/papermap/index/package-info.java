/**
 * Nearest-neighbour indexes over ords: {@link org.papermap.index.SparseIndex} (exact cosine over TF-IDF
 * rows, inverted index with MaxScore pruning) and {@link org.papermap.index.FlatIndex} (exact dense
 * dot product), both behind {@link org.papermap.index.VectorIndex}. Approximate dense search lives in
 * {@code org.papermap.index.hnsw}. Each index has its own file class ({@link
 * org.papermap.index.FlatIndexFile}, {@link org.papermap.index.SparseIndexFile}, {@code
 * hnsw.HnswIndexFile}) on the one codec of {@code org.papermap.io}.
 *
 * <p>Hits are best first; equal scores are ordered by ascending ord. Deletes are tombstones: never
 * returned, dropped (with renumbering) when the index is saved.
 */
package org.papermap.index;
