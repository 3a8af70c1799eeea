package org.papermap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.papermap.vector.DenseVectors;

/**
 * Vectors a user brings ({@code cluster --vectors}, {@code evaluate --vectors}): a CSV file, one row of
 * numbers per point, comma-separated, every row as long as the first. Ids are the row numbers (0, 1,
 * ... over the data rows, blank lines skipped), or, when the first line's first cell is {@code id}, that
 * line is a header and the first column holds the ids (distinct, non-empty; other header cells are
 * ignored). A ragged row, a cell that is not a finite number (NaN and infinities included), an empty or
 * repeated id is an error naming the file, the line and the column (1-based, the id column counted).
 * {@code .gz} files are read through gzip. The output of {@code papermap vectors --lsa-dims} ({@code
 * OUT.lsa.csv}) is such a file.
 *
 * <p>Thread-safety: immutable.
 */
record VectorsCsv(List<String> ids, DenseVectors vectors) {
  /**
   * Reads {@code file}.
   *
   * @throws IOException naming the file, line and column of the first bad cell, or if it holds no rows
   */
  static VectorsCsv read(Path file) throws IOException {
    List<String> ids = new ArrayList<>();
    List<float[]> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean idColumn = false;
    int width = -1;
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader r = new BufferedReader(new InputStreamReader(
            file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8))) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split(",", -1);
        if (rows.isEmpty() && !idColumn && unquote(cells[0].strip()).equals("id")) {
          idColumn = true;
          width = cells.length;
          continue;
        }
        if (width < 0) {
          width = cells.length;
        }
        if (cells.length != width) {
          throw bad(file, lineNo, cells.length, "has " + cells.length + " columns, the first row " + width
              + " (every row must have as many)");
        }
        int first = idColumn ? 1 : 0;
        if (width - first < 1) {
          throw bad(file, lineNo, 1, "has no numbers (a row must hold at least one)");
        }
        String id = idColumn ? unquote(cells[0].strip()) : Integer.toString(rows.size());
        if (id.isEmpty()) {
          throw bad(file, lineNo, 1, "has an empty id");
        }
        Integer previous = seen.put(id, lineNo);
        if (previous != null) {
          throw bad(file, lineNo, 1, "repeats the id '" + id + "' of line " + previous + " (ids must be distinct)");
        }
        float[] v = new float[width - first];
        for (int c = first; c < width; c++) {
          v[c - first] = number(file, lineNo, c + 1, cells[c].strip());
        }
        ids.add(id);
        rows.add(v);
      }
    }
    if (rows.isEmpty()) {
      throw new IOException(file + ": no vectors (expected one row of numbers per point)");
    }
    return new VectorsCsv(List.copyOf(ids), DenseVectors.of(rows.toArray(float[][]::new)));
  }

  private static float number(Path file, int line, int column, String cell) throws IOException {
    float v;
    try {
      v = Float.parseFloat(cell);
    } catch (NumberFormatException e) {
      throw bad(file, line, column, "'" + shorten(cell) + "' is not a number");
    }
    // parseFloat also takes "NaN", "Infinity", hex, a trailing 'f' or 'd', and overflows to infinity.
    if (!Float.isFinite(v) || !decimal(cell)) {
      throw bad(file, line, column, "'" + shorten(cell) + "' is not a finite decimal number");
    }
    return v;
  }

  private static boolean decimal(String cell) {
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (Character.isLetter(c) && c != 'e' && c != 'E') {
        return false;
      }
    }
    return true;
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static IOException bad(Path file, int line, int column, String rule) {
    return new IOException(file + ": line " + line + ", column " + column + ": " + rule);
  }
}
