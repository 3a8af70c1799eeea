package org.papermap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.papermap.vector.RandomizedSvd;
import org.papermap.vector.RandomizedSvdOptions;
import org.papermap.vector.RandomizedSvdResult;
import org.papermap.vector.SparseMatrix;

/**
 * Our side of {@code benchmarks/scripts/lsa_side_by_side.sh}: reads the TF-IDF matrix that
 * scikit-learn wrote as Matrix Market and times {@link RandomizedSvd#fit} on it.
 *
 * <p>Usage: {@code LsaSideBySide <file.mtx> <rank> <powerIterations> <QR|LU|NONE> <reps> <parallelism>...}.
 * Prints one JSON object per parallelism on stdout.
 *
 * <p>Thread-safety: a command-line entry point, not meant to be shared.
 */
public final class LsaSideBySide {
  private LsaSideBySide() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 6) {
      throw new IllegalArgumentException(
          "usage: LsaSideBySide <file.mtx> <rank> <powerIterations> <QR|LU|NONE> <reps> <parallelism>...");
    }
    Path file = Path.of(args[0]);
    int rank = Integer.parseInt(args[1]);
    int iterations = Integer.parseInt(args[2]);
    RandomizedSvdOptions.PowerIterationNormalizer normalizer =
        RandomizedSvdOptions.PowerIterationNormalizer.valueOf(args[3].toUpperCase(Locale.ROOT));
    int reps = Integer.parseInt(args[4]);
    long t0 = System.nanoTime();
    SparseMatrix a = readMatrixMarket(file);
    double readSeconds = (System.nanoTime() - t0) / 1e9;
    for (int p = 5; p < args.length; p++) {
      int parallelism = Integer.parseInt(args[p]);
      RandomizedSvdOptions options =
          RandomizedSvdOptions.builder()
              .rank(rank)
              .oversampling(RandomizedSvdOptions.DEFAULT_OVERSAMPLING)
              .powerIterations(iterations)
              .powerIterationNormalizer(normalizer)
              .seed(0)
              .parallelism(parallelism)
              .build();
      double[] seconds = new double[reps];
      RandomizedSvdResult result = null;
      for (int r = 0; r < reps; r++) {
        long start = System.nanoTime();
        result = RandomizedSvd.fit(a, options);
        seconds[r] = (System.nanoTime() - start) / 1e9;
      }
      StringBuilder sv = new StringBuilder();
      for (int j = 0; j < result.rank(); j++) {
        sv.append(j == 0 ? "" : ", ").append(result.singularValue(j));
      }
      System.out.printf(
          Locale.ROOT,
          "{\"rows\": %d, \"cols\": %d, \"nnz\": %d, \"read_seconds\": %.3f, \"normalizer\": \"%s\","
              + " \"parallelism\": %d, \"svd_seconds\": %s, \"singular_values\": [%s]}%n",
          a.rows(), a.cols(), a.nnz(), readSeconds, normalizer, parallelism,
          Arrays.toString(seconds), sv);
    }
  }

  /**
   * A minimal reader of Matrix Market {@code coordinate real general} files (as scipy's {@code mmwrite}
   * writes a sparse matrix), in any entry order.
   *
   * @throws IOException naming the file and line when the file is not such a matrix
   */
  static SparseMatrix readMatrixMarket(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String line = reader.readLine();
      int lineNo = 1;
      if (line == null
          || !line.toLowerCase(Locale.ROOT).startsWith("%%matrixmarket matrix coordinate real general")) {
        throw new IOException(file + ":1: expected '%%MatrixMarket matrix coordinate real general', got " + line);
      }
      do {
        line = reader.readLine();
        lineNo++;
      } while (line != null && (line.startsWith("%") || line.isBlank()));
      if (line == null) {
        throw new IOException(file + ":" + lineNo + ": missing size line");
      }
      String[] size = line.trim().split("\\s+");
      if (size.length != 3) {
        throw new IOException(file + ":" + lineNo + ": size line must be 'rows cols nnz', got " + line);
      }
      int rows = Integer.parseInt(size[0]);
      int cols = Integer.parseInt(size[1]);
      int nnz = Integer.parseInt(size[2]);
      int[] ri = new int[nnz];
      int[] ci = new int[nnz];
      float[] vv = new float[nnz];
      for (int k = 0; k < nnz; k++) {
        line = reader.readLine();
        lineNo++;
        if (line == null) {
          throw new IOException(file + ":" + lineNo + ": expected " + nnz + " entries, found " + k);
        }
        int s1 = line.indexOf(' ');
        int s2 = line.indexOf(' ', s1 + 1);
        if (s1 < 0 || s2 < 0) {
          throw new IOException(file + ":" + lineNo + ": entry must be 'row col value', got " + line);
        }
        try {
          ri[k] = Integer.parseInt(line, 0, s1, 10) - 1;
          ci[k] = Integer.parseInt(line, s1 + 1, s2, 10) - 1;
          vv[k] = (float) Double.parseDouble(line.substring(s2 + 1).trim());
        } catch (NumberFormatException e) {
          throw new IOException(file + ":" + lineNo + ": " + e.getMessage(), e);
        }
        if (ri[k] < 0 || ri[k] >= rows || ci[k] < 0 || ci[k] >= cols) {
          throw new IOException(file + ":" + lineNo + ": entry outside " + rows + "x" + cols + ": " + line);
        }
      }
      // Counting sort by row, then by column within each row.
      int[] ptr = new int[rows + 1];
      for (int k = 0; k < nnz; k++) {
        ptr[ri[k] + 1]++;
      }
      for (int r = 0; r < rows; r++) {
        ptr[r + 1] += ptr[r];
      }
      int[] next = Arrays.copyOf(ptr, rows);
      long[] packed = new long[nnz];
      for (int k = 0; k < nnz; k++) {
        packed[next[ri[k]]++] = ((long) ci[k] << 32) | k;
      }
      int[] col = new int[nnz];
      float[] val = new float[nnz];
      for (int r = 0; r < rows; r++) {
        Arrays.sort(packed, ptr[r], ptr[r + 1]);
        for (int i = ptr[r]; i < ptr[r + 1]; i++) {
          int k = (int) packed[i];
          col[i] = (int) (packed[i] >>> 32);
          val[i] = vv[k];
        }
      }
      return SparseMatrix.of(rows, cols, ptr, col, val);
    }
  }
}
