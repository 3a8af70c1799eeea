package org.papermap.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.papermap.vector.DenseVectors;

/**
 * Reads and writes the vector files of the benchmarks ({@link LsaVectorsExport}, {@link KMeansSideBySide}): big-endian {@code int n, int d}, then
 * {@code n·d} floats row by row.
 *
 * <p>Thread-safety: a static utility; each call reads its own file.
 */
final class VectorFile {
  private VectorFile() {}

  /**
   * Reads all rows.
   *
   * @throws IOException naming the file when the header is invalid or the file is short or too long
   */
  static float[][] read(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      int n = in.readInt();
      int d = in.readInt();
      if (n < 1 || d < 1) {
        throw new IOException(file + ": header must have n >= 1 and d >= 1, got n=" + n + " d=" + d);
      }
      float[][] rows = new float[n][d];
      int r = 0;
      try {
        for (; r < n; r++) {
          float[] row = rows[r];
          for (int j = 0; j < d; j++) {
            row[j] = in.readFloat();
          }
        }
      } catch (EOFException e) {
        throw new IOException(file + ": truncated at row " + r + " of " + n, e);
      }
      if (in.read() != -1) {
        throw new IOException(file + ": trailing bytes after " + n + " rows of dimension " + d);
      }
      return rows;
    }
  }

  /** Writes the vectors in the format {@link #read} reads. */
  static void write(DenseVectors vectors, Path file) throws IOException {
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      out.writeInt(vectors.size());
      out.writeInt(vectors.dimension());
      for (int i = 0; i < vectors.size(); i++) {
        for (float x : vectors.vector(i)) {
          out.writeFloat(x);
        }
      }
    }
  }

  /** Throws IllegalArgumentException naming {@code what} unless the rows have dimension {@code dim}. */
  static void checkDimension(float[][] rows, int dim, String what) {
    if (rows[0].length != dim) {
      throw new IllegalArgumentException(
          what + ": dimension is " + rows[0].length + " but parameter dim=" + dim);
    }
  }

  /** Rows that are all zeros (an LSA row of a paper with no kept term stays zero). */
  static int zeroRows(float[][] rows) {
    int zeros = 0;
    for (float[] r : rows) {
      boolean zero = true;
      for (float x : r) {
        if (x != 0f) {
          zero = false;
          break;
        }
      }
      if (zero) {
        zeros++;
      }
    }
    return zeros;
  }
}
