/**
 * Hierarchical Navigable Small World graphs (Malkov and Yashunin 2018) for approximate dense search,
 * split by role as Lucene's {@code util/hnsw}: {@link org.papermap.index.hnsw.HnswIndex} (the index:
 * options, vectors, deletes, pools), {@code HnswGraph} (the layered neighbour lists), {@code
 * HnswBuilder} (insertion and neighbour selection), {@code HnswSearcher} (greedy descent and beam
 * search, one per thread), {@link org.papermap.index.hnsw.HnswOptions} and {@link
 * org.papermap.index.hnsw.HnswIndexFile} (the file).
 */
package org.papermap.index.hnsw;
