package org.papermap.index;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;

/**
 * Vectors read in place from a memory-mapped file: {@code n × dim} little-endian floats, row after
 * row. {@link #vector(int, float[])} copies one row from the mapping into the caller's scratch array
 * (a {@code dim}-float memcpy), so the vectors are never loaded onto the heap as a whole.
 *
 * <p>Thread-safety: immutable and safe (absolute bulk reads do not touch the buffer position).
 */
public final class MappedVectorStore implements DenseVectorStore {
  private final FloatBuffer floats;
  private final int size;
  private final int dimension;

  /**
   * Vectors over {@code floats}, typically a slice of a mapped file (see {@code
   * CodecInput.slice}).
   *
   * @param floats exactly {@code size × dimension} floats, in the buffer's byte order
   * @throws IllegalArgumentException if the buffer does not hold exactly that many floats
   */
  public MappedVectorStore(ByteBuffer floats, int size, int dimension) {
    if (dimension < 1 || size < 0 || floats.remaining() != 4L * size * dimension) {
      throw new IllegalArgumentException(
          "buffer of " + floats.remaining() + " bytes does not hold " + size + " vectors of dimension " + dimension);
    }
    this.floats = floats.asFloatBuffer();
    this.size = size;
    this.dimension = dimension;
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
