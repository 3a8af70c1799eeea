package org.papermap.index.io;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.papermap.index.DenseVectorStore;

/**
 * Vectors read in place from a memory-mapped file: {@code n × dim} little-endian floats, row after
 * row. {@link #vector(int, float[])} copies one row from the mapping into the caller's scratch array
 * (a {@code dim}-float memcpy), so the vectors are never loaded onto the heap as a whole.
 *
 * <p>Thread-safety: immutable and safe (absolute bulk reads do not touch the buffer position).
 */
final class MappedVectorStore implements DenseVectorStore {
  private final FloatBuffer floats;
  private final int size;
  private final int dimension;

  MappedVectorStore(ByteBuffer littleEndianSlice, int size, int dimension) {
    this.floats = littleEndianSlice.asFloatBuffer();
    this.size = size;
    this.dimension = dimension;
    assert floats.capacity() == (long) size * dimension;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public float[] vector(int ord, float[] scratch) {
    floats.get(ord * dimension, scratch, 0, dimension);
    return scratch;
  }

  @Override
  public boolean isValueShared() {
    return true;
  }
}
