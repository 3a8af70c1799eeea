package org.papermap.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.papermap.io.Codec;
import org.papermap.io.CodecInput;
import org.papermap.io.CodecOutput;
import org.papermap.io.FileFormat;
import org.papermap.io.MapId;
import org.papermap.vector.SparseMatrix;

/**
 * The file of a {@link SparseIndex}: its live rows in CSR form; opening reads them onto the heap and
 * rebuilds the inverted index (linear in the non-zeros).
 *
 * <pre>
 * body (versions 1 and 2)  int rows, int cols, int nnz, int[rows + 1] rowPtr, int[nnz] col,
 *                          float[nnz] val, little-endian
 * </pre>
 *
 * Saving compacts: deleted ords are dropped and the live ones renumbered ({@link IndexCompaction}).
 *
 * <p>Thread-safety: stateless; safe. Do not save an index while another thread adds to it.
 */
public final class SparseIndexFile {
  /** Format name and versions (version 1: release 0.1's header). */
  public static final FileFormat FORMAT = new FileFormat("papermap.sparse", 1, 2, "papermap.sparse");

  private SparseIndexFile() {}

  /**
   * Writes the live rows of {@code index} to {@code file}, all or nothing.
   *
   * @return the old-to-new ord map ({@code -1} for deleted ords)
   */
  public static int[] save(SparseIndex index, Path file) throws IOException {
    Objects.requireNonNull(index, "index");
    int[] map = IndexCompaction.ordMap(index);
    Codec.write(file, FORMAT, MapId.NONE, out -> write(index, map, out));
    return map;
  }

  /** Opens a sparse index; its arrays are read onto the heap and the postings rebuilt. */
  public static SparseIndex open(Path file, IndexOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    return read(Codec.open(file, FORMAT), options);
  }

  /** Writes the body of {@code index}'s file (for a map folder; {@link #save} for a file on its own). */
  public static void write(SparseIndex index, CodecOutput out) throws IOException {
    write(index, IndexCompaction.ordMap(index), out);
  }

  private static void write(SparseIndex index, int[] map, CodecOutput out) throws IOException {
    SparseMatrix docs = index.docs();
    int n = docs.rows();
    long nnz = 0;
    for (int r = 0; r < n; r++) {
      if (map[r] >= 0) {
        nnz += docs.rowEnd(r) - docs.rowStart(r);
      }
    }
    out.writeInt(IndexCompaction.liveCount(map));
    out.writeInt(docs.cols());
    out.writeInt(Math.toIntExact(nnz));
    int ptr = 0;
    out.writeInt(0);
    for (int r = 0; r < n; r++) {
      if (map[r] >= 0) {
        ptr += docs.rowEnd(r) - docs.rowStart(r);
        out.writeInt(ptr);
      }
    }
    for (int r = 0; r < n; r++) {
      if (map[r] >= 0) {
        for (int i = docs.rowStart(r); i < docs.rowEnd(r); i++) {
          out.writeInt(docs.colIndex(i));
        }
      }
    }
    for (int r = 0; r < n; r++) {
      if (map[r] >= 0) {
        for (int i = docs.rowStart(r); i < docs.rowEnd(r); i++) {
          out.writeFloat(docs.value(i));
        }
      }
    }
  }

  /** Reads a body written by {@link #write}. */
  public static SparseIndex read(CodecInput in, IndexOptions options) throws IOException {
    int rows = in.readInt("row count", 0, Integer.MAX_VALUE - 1);
    int cols = in.readInt("column count", 0, Integer.MAX_VALUE);
    int nnz = in.readInt("nnz", 0, Integer.MAX_VALUE);
    int[] ptr = in.readInts(rows + 1);
    int[] col = in.readInts(nnz);
    float[] val = in.readFloats(nnz);
    in.expectEnd();
    try {
      return SparseIndex.build(SparseMatrix.of(rows, cols, ptr, col, val), options);
    } catch (IllegalArgumentException e) {
      throw in.corrupt("invalid sparse matrix: " + e.getMessage(), e);
    }
  }
}
