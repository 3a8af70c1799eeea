/**
 * Hierarchical Navigable Small World graphs (Malkov and Yashunin 2018) for approximate dense search:
 * {@link org.papermap.index.hnsw.HnswIndex}.
 */
package org.papermap.index.hnsw;
