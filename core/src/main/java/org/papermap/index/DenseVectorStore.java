package org.papermap.index;

/**
 * Random access to {@code size()} dense float vectors of one dimension, like jvector's {@code
 * RandomAccessVectorValues}: on the heap ({@link HeapVectorStore}) or in a memory-mapped file.
 *
 * <p>{@link #vector(int, float[])} either returns the stored array itself (heap) or fills the
 * caller's scratch array from mapped memory and returns it; callers must not modify the result and
 * must not keep it past their next call with the same scratch.
 *
 * <p>Thread-safety: implementations are safe for concurrent reads; a heap store also allows one
 * appending thread at a time alongside readers.
 */
public interface DenseVectorStore {
  /** Number of vectors. */
  int size();

  /** Dimension of every vector. */
  int dimension();

  /**
   * The vector at {@code ord}: the stored array, or {@code scratch} filled with it.
   *
   * @param scratch an array of length {@link #dimension()} that the store may fill
   */
  float[] vector(int ord, float[] scratch);

  /** Whether {@link #vector(int, float[])} returns {@code scratch} (so results are overwritten). */
  boolean isValueShared();
}
