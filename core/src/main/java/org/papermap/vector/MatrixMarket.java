package org.papermap.vector;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.papermap.io.AtomicFile;

/**
 * Reads and writes sparse matrices in the Matrix Market coordinate format ({@code %%MatrixMarket matrix
 * coordinate real general}, 1-based indices), the format scipy's {@code mmread}/{@code mmwrite} use.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class MatrixMarket {
  private static final String BANNER = "%%MatrixMarket matrix coordinate real general";

  private MatrixMarket() {}

  /** Writes {@code m} to {@code out}, entries in row-major order; values as the shortest exact float. */
  public static void write(SparseMatrix m, Writer out) throws IOException {
    Objects.requireNonNull(m, "m");
    Objects.requireNonNull(out, "out");
    out.write(BANNER);
    out.write('\n');
    out.write("% written by PaperMap\n");
    out.write(m.rows() + " " + m.cols() + " " + m.nnz() + "\n");
    StringBuilder line = new StringBuilder(32);
    for (int r = 0; r < m.rows(); r++) {
      for (int i = m.rowStart(r); i < m.rowEnd(r); i++) {
        line.setLength(0);
        line.append(r + 1).append(' ').append(m.colIndex(i) + 1).append(' ').append(m.value(i)).append('\n');
        out.append(line);
      }
    }
  }

  /** Writes {@code m} to {@code file} (UTF-8), all or nothing ({@link AtomicFile}). */
  public static void write(SparseMatrix m, Path file) throws IOException {
    try (AtomicFile f = AtomicFile.create(file)) {
      try (Writer w = new BufferedWriter(new OutputStreamWriter(f.stream(), StandardCharsets.UTF_8), 1 << 16)) {
        write(m, w);
      }
      f.commit();
    }
  }

  /**
   * Reads a real (or integer, or pattern) general coordinate matrix; duplicate entries are summed, as
   * scipy does.
   *
   * @throws IOException naming the file and line when the content breaks the format
   */
  public static SparseMatrix read(Path file) throws IOException {
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String banner = in.readLine();
      if (banner == null || !banner.toLowerCase(Locale.ROOT).startsWith("%%matrixmarket matrix coordinate")) {
        throw new IOException(name + ":1: expected a '%%MatrixMarket matrix coordinate' banner");
      }
      String[] b = banner.trim().toLowerCase(Locale.ROOT).split("\\s+");
      boolean pattern = b.length > 3 && b[3].equals("pattern");
      if (b.length < 5 || !(b[3].equals("real") || b[3].equals("integer") || pattern) || !b[4].equals("general")) {
        throw new IOException(name + ":1: only real, integer or pattern general matrices are supported, got '" + banner + "'");
      }
      long lineNo = 1;
      String line;
      do {
        line = in.readLine();
        lineNo++;
      } while (line != null && (line.isBlank() || line.startsWith("%")));
      if (line == null) {
        throw new IOException(name + ": missing size line 'rows cols nnz'");
      }
      long[] size = numbers(line, 3, name, lineNo);
      int rows = toInt(size[0], name, lineNo);
      int cols = toInt(size[1], name, lineNo);
      int nnz = toInt(size[2], name, lineNo);
      int[] ri = new int[nnz];
      int[] ci = new int[nnz];
      float[] vv = new float[nnz];
      int k = 0;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank() || line.startsWith("%")) {
          continue;
        }
        if (k == nnz) {
          throw new IOException(name + ":" + lineNo + ": more entries than the " + nnz + " declared");
        }
        String[] t = line.trim().split("\\s+");
        if (t.length != (pattern ? 2 : 3)) {
          throw new IOException(name + ":" + lineNo + ": expected 'row col" + (pattern ? "" : " value") + "', got '" + line + "'");
        }
        try {
          ri[k] = Integer.parseInt(t[0]) - 1;
          ci[k] = Integer.parseInt(t[1]) - 1;
          vv[k] = pattern ? 1f : Float.parseFloat(t[2]);
        } catch (NumberFormatException e) {
          throw new IOException(name + ":" + lineNo + ": not a number in '" + line + "'", e);
        }
        if (ri[k] < 0 || ri[k] >= rows || ci[k] < 0 || ci[k] >= cols) {
          throw new IOException(name + ":" + lineNo + ": entry (" + t[0] + ", " + t[1] + ") outside " + rows + "x" + cols);
        }
        k++;
      }
      if (k != nnz) {
        throw new IOException(name + ": " + k + " entries, but the size line declares " + nnz);
      }
      return fromCoordinates(rows, cols, ri, ci, vv);
    }
  }

  /** Counting sort by row, then a sort by column within each row; duplicates summed. */
  private static SparseMatrix fromCoordinates(int rows, int cols, int[] ri, int[] ci, float[] vv) {
    int nnz = ri.length;
    int[] ptr = new int[rows + 1];
    for (int r : ri) {
      ptr[r + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      ptr[r + 1] += ptr[r];
    }
    int[] next = Arrays.copyOf(ptr, rows);
    int[] col = new int[nnz];
    float[] val = new float[nnz];
    for (int i = 0; i < nnz; i++) {
      int dst = next[ri[i]]++;
      col[dst] = ci[i];
      val[dst] = vv[i];
    }
    int[] outPtr = new int[rows + 1];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      int s = ptr[r];
      int e = ptr[r + 1];
      // Insertion sort: rows arrive sorted from any sane writer, so this is usually one pass.
      for (int i = s + 1; i < e; i++) {
        int c = col[i];
        float v = val[i];
        int j = i - 1;
        while (j >= s && col[j] > c) {
          col[j + 1] = col[j];
          val[j + 1] = val[j];
          j--;
        }
        col[j + 1] = c;
        val[j + 1] = v;
      }
      for (int i = s; i < e; i++) {
        if (n > outPtr[r] && col[n - 1] == col[i]) {
          val[n - 1] += val[i];
        } else {
          col[n] = col[i];
          val[n] = val[i];
          n++;
        }
      }
      outPtr[r + 1] = n;
    }
    return SparseMatrix.ofOwned(rows, cols, outPtr, Arrays.copyOf(col, n), Arrays.copyOf(val, n));
  }

  private static long[] numbers(String line, int count, String name, long lineNo) throws IOException {
    String[] t = line.trim().split("\\s+");
    if (t.length != count) {
      throw new IOException(name + ":" + lineNo + ": expected " + count + " numbers, got '" + line + "'");
    }
    long[] out = new long[count];
    try {
      for (int i = 0; i < count; i++) {
        out[i] = Long.parseLong(t[i]);
      }
    } catch (NumberFormatException e) {
      throw new IOException(name + ":" + lineNo + ": not a number in '" + line + "'", e);
    }
    return out;
  }

  private static int toInt(long v, String name, long lineNo) throws IOException {
    if (v < 0 || v > Integer.MAX_VALUE - 1) {
      throw new IOException(name + ":" + lineNo + ": size " + v + " out of range");
    }
    return (int) v;
  }
}
