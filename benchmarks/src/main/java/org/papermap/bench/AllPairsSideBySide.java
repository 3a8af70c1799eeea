package org.papermap.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.papermap.index.IndexOptions;
import org.papermap.index.SearchResult;
import org.papermap.index.SparseIndex;
import org.papermap.vector.MatrixMarket;
import org.papermap.vector.SparseMatrix;

/**
 * PaperMap side of {@code scripts/allpairs_side_by_side.sh}: exact all-pairs top-10 on the TF-IDF
 * matrix scikit-learn wrote ({@code scipy.io.mmwrite}), read with {@link MatrixMarket#read}. Times
 * {@link SparseIndex#build} and {@link SparseIndex#neighbours}{@code (10)} separately over REPS reps
 * (best and mean), then compares the last run's lists with scikit-learn's (one line of 10
 * space-separated ords per row, self dropped): the share of identical ordered lists, of identical
 * sets, and the mean overlap; a differing list is checked for being explained by a score tie.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * org.papermap.bench.AllPairsSideBySide MATRIX.mtx SKLEARN_TOP10.txt [REPS=3] [PARALLELISM=2]}.
 *
 * <p>Thread-safety: a command-line tool; not for concurrent use.
 */
public final class AllPairsSideBySide {
  static final int K = 10;

  private AllPairsSideBySide() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: AllPairsSideBySide MATRIX.mtx SKLEARN_TOP10.txt [REPS] [PARALLELISM]");
    }
    Path mtx = Path.of(args[0]);
    Path skTop = Path.of(args[1]);
    int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int parallelism = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    long t0 = System.nanoTime();
    SparseMatrix x = MatrixMarket.read(mtx);
    System.out.printf(Locale.ROOT, "# papermap: read %d x %d, nnz %d in %.1f s; parallelism %d%n", x.rows(), x.cols(),
        x.nnz(), (System.nanoTime() - t0) / 1e9, parallelism);
    IndexOptions io = IndexOptions.DEFAULT.withParallelism(parallelism);
    double[] build = new double[reps];
    double[] search = new double[reps];
    List<SearchResult> top = null;
    for (int rep = 0; rep < reps; rep++) {
      long a = System.nanoTime();
      SparseIndex index = SparseIndex.build(x, io);
      long b = System.nanoTime();
      top = index.neighbours(K);
      long c = System.nanoTime();
      build[rep] = (b - a) / 1e9;
      search[rep] = (c - b) / 1e9;
      System.out.printf(Locale.ROOT, "papermap rep %d: build %.3f s, neighbours(10) %.3f s, total %.3f s, load %s%n", rep,
          build[rep], search[rep], build[rep] + search[rep], loadAverage());
    }
    double[] total = new double[reps];
    for (int i = 0; i < reps; i++) {
      total[i] = build[i] + search[i];
    }
    System.out.printf(Locale.ROOT, "RESULT papermap build best %.3f mean %.3f; neighbours best %.3f mean %.3f; total best %.3f mean %.3f s%n",
        min(build), mean(build), min(search), mean(search), min(total), mean(total));
    compare(x, top, readTop(skTop, x.rows()));
  }

  private static void compare(SparseMatrix x, List<SearchResult> ours, int[][] sk) {
    int n = x.rows();
    int sameList = 0;
    int sameSet = 0;
    int tieExplained = 0;
    long overlap = 0;
    for (int q = 0; q < n; q++) {
      SearchResult r = ours.get(q);
      int[] o = r.ords();
      if (r.queryOrd() != q) {
        throw new IllegalStateException("neighbour list out of order at " + q);
      }
      if (Arrays.equals(o, sk[q])) {
        sameList++;
        sameSet++;
        overlap += K;
        continue;
      }
      int[] a = o.clone();
      int[] b = sk[q].clone();
      Arrays.sort(a);
      Arrays.sort(b);
      int common = 0;
      for (int v : a) {
        if (Arrays.binarySearch(b, v) >= 0) {
          common++;
        }
      }
      overlap += common;
      if (common == a.length && a.length == b.length) {
        sameSet++;
        tieExplained++; // same set, other order: only equal (float-rounded) scores can swap ranks
        continue;
      }
      // A set difference is a tie if scikit-learn's extra neighbours score (within float
      // rounding) as high as our 10th.
      float tenth = r.score(r.size() - 1);
      boolean tie = true;
      for (int v : b) {
        if (Arrays.binarySearch(a, v) < 0 && dot(x, q, v) < tenth - 1e-6f) {
          tie = false;
        }
      }
      if (tie) {
        tieExplained++;
      }
    }
    System.out.printf(Locale.ROOT,
        "RESULT agreement: identical ordered top-10 %d/%d (%.2f%%), identical sets %d/%d (%.2f%%), mean overlap %.4f; "
            + "%d of %d differing lists explained by score ties within 1e-6%n",
        sameList, n, 100.0 * sameList / n, sameSet, n, 100.0 * sameSet / n, overlap / (double) (K * n),
        tieExplained, n - sameList);
  }

  private static float dot(SparseMatrix x, int a, int b) {
    return (float) x.row(a).dot(x.row(b));
  }

  private static int[][] readTop(Path file, int rows) throws IOException {
    int[][] out = new int[rows][];
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (int r = 0; r < rows; r++) {
        String line = in.readLine();
        if (line == null) {
          throw new IOException(file + ": expected " + rows + " lines, got " + r);
        }
        String[] f = line.trim().split(" ");
        out[r] = new int[f.length];
        for (int i = 0; i < f.length; i++) {
          out[r][i] = Integer.parseInt(f[i]);
        }
      }
    }
    return out;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElseThrow();
  }

  private static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }
}
