package org.papermap.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.papermap.io.Codec;
import org.papermap.io.CodecInput;
import org.papermap.io.CodecOutput;
import org.papermap.io.CorruptFileException;
import org.papermap.io.FileFormat;
import org.papermap.io.MapId;

/**
 * The file of a {@link KMeansResult}: everything it holds, so that an opened result equals the saved
 * one and {@link KMeansResult#predict} gives the same answers.
 *
 * <pre>
 * version 1  string map options ({@link KMeans.Options#toMap}), int n, int k, int dimension,
 *            double objective, int iterations, boolean converged, int bestRestart,
 *            int[n] labels, float[k × dimension] centroids (row-major); little-endian
 * </pre>
 *
 * The sizes are not stored: they are counted from the labels.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class KMeansResultFile {
  /** Format name and versions. */
  public static final FileFormat FORMAT = FileFormat.of("papermap.kmeans-result", 1);

  private KMeansResultFile() {}

  /**
   * Writes {@code result} to {@code file}, all or nothing.
   *
   * @throws IOException naming the file if it cannot be written
   */
  public static void save(KMeansResult result, Path file) throws IOException {
    Objects.requireNonNull(result, "result");
    Codec.write(file, FORMAT, MapId.NONE, out -> write(result, out));
  }

  /**
   * Reads a result written by {@link #save}.
   *
   * @throws CorruptFileException naming the file if it is not a regular file, is truncated, damaged,
   *     not a k-means result or of an unsupported version
   */
  public static KMeansResult open(Path file) throws IOException {
    return read(Codec.open(file, FORMAT));
  }

  /** Writes the body of the result's file. */
  public static void write(KMeansResult result, CodecOutput out) throws IOException {
    out.writeMap(result.options().toMap());
    out.writeInt(result.n());
    out.writeInt(result.k());
    out.writeInt(result.dimension());
    out.writeDouble(result.objective());
    out.writeInt(result.iterations());
    out.writeBoolean(result.converged());
    out.writeInt(result.bestRestart());
    int[] labels = result.labels();
    out.writeInts(labels, 0, labels.length);
    out.writeFloats(result.centroids());
  }

  /** Reads a body written by {@link #write}. */
  public static KMeansResult read(CodecInput in) throws IOException {
    KMeans.Options options;
    try {
      options = KMeans.Options.fromMap(in.readMap());
    } catch (IllegalArgumentException e) {
      throw in.corrupt(e.getMessage(), e);
    }
    int n = in.readInt("point count", 0, Integer.MAX_VALUE);
    int k = in.readInt("k", 1, Integer.MAX_VALUE);
    int d = in.readInt("dimension", 1, Integer.MAX_VALUE);
    double objective = in.readDouble();
    int iterations = in.readInt("iterations", 0, Integer.MAX_VALUE);
    boolean converged = in.readBoolean();
    int bestRestart = in.readInt("best restart", 0, Integer.MAX_VALUE);
    if (4L * n + 4L * k * d != in.remaining()) {
      throw in.corrupt("shape n=" + n + ", k=" + k + ", dimension=" + d + " does not fit the " + in.remaining()
          + " bytes left");
    }
    int[] labels = in.readInts(n);
    float[] centroids = in.readFloats(k * d);
    in.expectEnd();
    try {
      int[] sizes = new int[k];
      for (int i = 0; i < n; i++) {
        if (labels[i] < 0 || labels[i] >= k) {
          throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + labels[i]);
        }
        sizes[labels[i]]++;
      }
      return new KMeansResult(labels, sizes, centroids, k, d, objective, iterations, converged, bestRestart, options);
    } catch (IllegalArgumentException e) {
      throw in.corrupt(e.getMessage(), e);
    }
  }
}
