package org.papermap.vector;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sparse {@code rows × cols} float matrix in compressed sparse row (CSR) form: {@code rowPtr} of
 * length {@code rows + 1}, and per row strictly increasing column indices with their values.
 *
 * <p>Hot loops read entries through {@link #rowStart}, {@link #rowEnd}, {@link #colIndex} and {@link
 * #value}, which the JIT inlines; whole-array accessors return copies.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class SparseMatrix {
  private final int rows;
  private final int cols;
  private final int[] rowPtr;
  private final int[] colIdx;
  private final float[] vals;

  private SparseMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, float[] vals) {
    this.rows = rows;
    this.cols = cols;
    this.rowPtr = rowPtr;
    this.colIdx = colIdx;
    this.vals = vals;
  }

  /**
   * Copies and validates CSR arrays.
   *
   * @throws IllegalArgumentException if the arrays are not a valid CSR matrix of that shape
   */
  public static SparseMatrix of(int rows, int cols, int[] rowPtr, int[] colIdx, float[] vals) {
    Objects.requireNonNull(rowPtr, "rowPtr");
    Objects.requireNonNull(colIdx, "colIdx");
    Objects.requireNonNull(vals, "vals");
    return ofOwned(rows, cols, rowPtr.clone(), colIdx.clone(), vals.clone());
  }

  /** Wraps arrays this package built and will not touch again, after validating them. */
  static SparseMatrix ofOwned(int rows, int cols, int[] rowPtr, int[] colIdx, float[] vals) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("rows and cols must be >= 0, got " + rows + "x" + cols);
    }
    if (rowPtr.length != rows + 1) {
      throw new IllegalArgumentException(
          "rowPtr length must be rows+1=" + (rows + 1) + ", got " + rowPtr.length);
    }
    if (colIdx.length != vals.length) {
      throw new IllegalArgumentException(
          "colIdx and vals differ in length: " + colIdx.length + "!=" + vals.length);
    }
    if (rowPtr[0] != 0 || rowPtr[rows] != colIdx.length) {
      throw new IllegalArgumentException(
          "rowPtr must start at 0 and end at nnz=" + colIdx.length + ", got " + rowPtr[0] + ".." + rowPtr[rows]);
    }
    for (int r = 0; r < rows; r++) {
      int start = rowPtr[r];
      int end = rowPtr[r + 1];
      if (end < start) {
        throw new IllegalArgumentException("rowPtr must be non-decreasing; row " + r);
      }
      for (int i = start; i < end; i++) {
        int c = colIdx[i];
        if (c < 0 || c >= cols || (i > start && c <= colIdx[i - 1])) {
          throw new IllegalArgumentException(
              "row " + r + ": column indices must be strictly increasing in [0, " + cols + "), got " + c);
        }
        if (!Float.isFinite(vals[i])) {
          throw new IllegalArgumentException("row " + r + ", column " + c + ": value is not finite");
        }
      }
    }
    return new SparseMatrix(rows, cols, rowPtr, colIdx, vals);
  }

  /** Stacks sparse rows into a matrix with {@code cols} columns. */
  public static SparseMatrix ofRows(int cols, SparseVector... rowVectors) {
    int nnz = 0;
    for (SparseVector v : rowVectors) {
      nnz += v.size();
    }
    int[] ptr = new int[rowVectors.length + 1];
    int[] ci = new int[nnz];
    float[] vv = new float[nnz];
    int k = 0;
    for (int r = 0; r < rowVectors.length; r++) {
      SparseVector v = rowVectors[r];
      for (int i = 0; i < v.size(); i++) {
        ci[k] = v.index(i);
        vv[k++] = v.value(i);
      }
      ptr[r + 1] = k;
    }
    return ofOwned(rowVectors.length, cols, ptr, ci, vv);
  }

  /**
   * {@code top} with the rows of {@code bottom} below it.
   *
   * @throws IllegalArgumentException if the column counts differ
   */
  public static SparseMatrix stack(SparseMatrix top, SparseMatrix bottom) {
    Objects.requireNonNull(top, "top");
    Objects.requireNonNull(bottom, "bottom");
    if (top.cols != bottom.cols) {
      throw new IllegalArgumentException("column counts differ: " + top.cols + "!=" + bottom.cols);
    }
    int rows = top.rows + bottom.rows;
    int nnz = Math.addExact(top.nnz(), bottom.nnz());
    int[] ptr = Arrays.copyOf(top.rowPtr, rows + 1);
    for (int r = 1; r <= bottom.rows; r++) {
      ptr[top.rows + r] = top.nnz() + bottom.rowPtr[r];
    }
    int[] ci = Arrays.copyOf(top.colIdx, nnz);
    float[] vv = Arrays.copyOf(top.vals, nnz);
    System.arraycopy(bottom.colIdx, 0, ci, top.nnz(), bottom.nnz());
    System.arraycopy(bottom.vals, 0, vv, top.nnz(), bottom.nnz());
    return new SparseMatrix(rows, top.cols, ptr, ci, vv);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Number of stored entries. */
  public int nnz() {
    return colIdx.length;
  }

  /** Position of the first entry of row {@code r}. */
  public int rowStart(int r) {
    return rowPtr[r];
  }

  /** Position one past the last entry of row {@code r}. */
  public int rowEnd(int r) {
    return rowPtr[r + 1];
  }

  /** Column index of the entry at position {@code i}. */
  public int colIndex(int i) {
    return colIdx[i];
  }

  /** Value of the entry at position {@code i}. */
  public float value(int i) {
    return vals[i];
  }

  /** Row {@code r} as a sparse vector (a copy). */
  public SparseVector row(int r) {
    Objects.checkIndex(r, rows);
    int s = rowPtr[r];
    int e = rowPtr[r + 1];
    return SparseVector.of(Arrays.copyOfRange(colIdx, s, e), Arrays.copyOfRange(vals, s, e));
  }

  /** The value at ({@code r}, {@code c}), 0 when it is not stored. */
  public float get(int r, int c) {
    Objects.checkIndex(r, rows);
    int i = Arrays.binarySearch(colIdx, rowPtr[r], rowPtr[r + 1], c);
    return i >= 0 ? vals[i] : 0f;
  }

  /** A copy of the row pointers. */
  public int[] rowPointers() {
    return rowPtr.clone();
  }

  /** A copy of the column indices. */
  public int[] columnIndices() {
    return colIdx.clone();
  }

  /** A copy of the values. */
  public float[] values() {
    return vals.clone();
  }

  /** The transpose, also in CSR form (i.e. this matrix in CSC form): a counting sort by column. */
  public SparseMatrix transpose() {
    int nnz = colIdx.length;
    int[] tPtr = new int[cols + 1];
    for (int i = 0; i < nnz; i++) {
      tPtr[colIdx[i] + 1]++;
    }
    for (int c = 0; c < cols; c++) {
      tPtr[c + 1] += tPtr[c];
    }
    int[] next = Arrays.copyOf(tPtr, cols);
    int[] tCol = new int[nnz];
    float[] tVal = new float[nnz];
    for (int r = 0; r < rows; r++) {
      for (int i = rowPtr[r]; i < rowPtr[r + 1]; i++) {
        int dst = next[colIdx[i]]++;
        tCol[dst] = r;
        tVal[dst] = vals[i];
      }
    }
    return new SparseMatrix(cols, rows, tPtr, tCol, tVal);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SparseMatrix m
        && rows == m.rows
        && cols == m.cols
        && Arrays.equals(rowPtr, m.rowPtr)
        && Arrays.equals(colIdx, m.colIdx)
        && Arrays.equals(vals, m.vals);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rows, cols, Arrays.hashCode(rowPtr), Arrays.hashCode(colIdx), Arrays.hashCode(vals));
  }

  @Override
  public String toString() {
    return "SparseMatrix[" + rows + "x" + cols + ", nnz=" + nnz() + "]";
  }
}
