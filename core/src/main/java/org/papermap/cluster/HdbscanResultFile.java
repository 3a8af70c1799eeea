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
import org.papermap.vector.DenseVectors;

/**
 * The file of an {@link HdbscanResult}, optionally with the vectors it was fitted on: with them, {@link
 * #openPredictor} gives an {@link HdbscanPredictor} that predicts exactly as one built on the fit.
 *
 * <pre>
 * version 1  string map options ({@link Hdbscan.Options#toMap}), int minSamples used,
 *            int n (points), int rows (condensed-tree rows), int clusters,
 *            condensed tree: int[rows] parent, int[rows] child, double[rows] lambda, int[rows] childSize,
 *            int[n] labels, double[n] probabilities, double[n] outlier scores, double[n] core distances,
 *            int[clusters] tree nodes, double[clusters] stability, double[clusters] persistence,
 *            int dimension (0: no vectors), float[n × dimension] vectors; little-endian
 * </pre>
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class HdbscanResultFile {
  /** Format name and versions. */
  public static final FileFormat FORMAT = FileFormat.of("papermap.hdbscan-result", 1);

  private HdbscanResultFile() {}

  /** What a file holds: the result and, when saved with them, the vectors of the fit (else null). */
  public record Contents(HdbscanResult result, DenseVectors vectors) {}

  /**
   * Writes {@code result} (without vectors: enough for labels, tree and soft membership, not for
   * prediction) to {@code file}, all or nothing.
   *
   * @throws IOException naming the file if it cannot be written
   */
  public static void save(HdbscanResult result, Path file) throws IOException {
    Objects.requireNonNull(result, "result");
    Codec.write(file, FORMAT, MapId.NONE, out -> write(result, null, out));
  }

  /**
   * Writes {@code result} and the vectors it was fitted on, so that {@link #openPredictor} can predict.
   *
   * @throws IllegalArgumentException if the vectors are not as many as the result's points
   * @throws IOException naming the file if it cannot be written
   */
  public static void save(HdbscanResult result, DenseVectors vectors, Path file) throws IOException {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(vectors, "vectors");
    if (vectors.size() != result.size()) {
      throw new IllegalArgumentException(
          "vectors hold " + vectors.size() + " points but the result was fitted on " + result.size());
    }
    Codec.write(file, FORMAT, MapId.NONE, out -> write(result, vectors, out));
  }

  /**
   * Reads the result of a file written by {@link #save}.
   *
   * @throws CorruptFileException naming the file if it is not a regular file, is truncated, damaged,
   *     not an HDBSCAN result or of an unsupported version
   */
  public static HdbscanResult open(Path file) throws IOException {
    return read(Codec.open(file, FORMAT)).result();
  }

  /**
   * A predictor from a file saved with its vectors.
   *
   * @throws IOException naming the file if it holds no vectors, and as {@link #open}
   */
  public static HdbscanPredictor openPredictor(Path file) throws IOException {
    Contents c = read(Codec.open(file, FORMAT));
    if (c.vectors() == null) {
      throw new IOException(file + ": holds no vectors, so it cannot predict; save it with"
          + " HdbscanResultFile.save(result, vectors, file)");
    }
    return HdbscanPredictor.of(c.result(), c.vectors());
  }

  /** Writes the body of the file; {@code vectors} may be null. */
  public static void write(HdbscanResult r, DenseVectors vectors, CodecOutput out) throws IOException {
    CondensedTree t = r.condensedTree();
    out.writeMap(r.options().toMap());
    out.writeInt(r.minSamples());
    out.writeInt(r.size());
    out.writeInt(t.size());
    out.writeInt(r.clusterCount());
    int[] parents = t.parents();
    int[] children = t.children();
    int[] childSizes = t.childSizes();
    out.writeInts(parents, 0, parents.length);
    out.writeInts(children, 0, children.length);
    out.writeDoubles(t.lambdas());
    out.writeInts(childSizes, 0, childSizes.length);
    int[] labels = r.labels();
    out.writeInts(labels, 0, labels.length);
    out.writeDoubles(r.probabilities());
    out.writeDoubles(r.outlierScores());
    out.writeDoubles(r.coreDistances());
    int[] nodes = r.clusterNodes();
    out.writeInts(nodes, 0, nodes.length);
    out.writeDoubles(r.stabilities());
    out.writeDoubles(r.persistences());
    out.writeInt(vectors == null ? 0 : vectors.dimension());
    if (vectors != null) {
      for (int i = 0; i < vectors.size(); i++) {
        out.writeFloats(vectors.vector(i));
      }
    }
  }

  /** Reads a body written by {@link #write}. */
  public static Contents read(CodecInput in) throws IOException {
    Hdbscan.Options options;
    try {
      options = Hdbscan.Options.fromMap(in.readMap());
    } catch (IllegalArgumentException e) {
      throw in.corrupt(e.getMessage(), e);
    }
    int minSamples = in.readInt("minSamples", 1, Integer.MAX_VALUE);
    int n = in.readInt("point count", 1, Integer.MAX_VALUE);
    int rows = in.readInt("condensed-tree rows", 0, Integer.MAX_VALUE);
    int k = in.readInt("cluster count", 0, Integer.MAX_VALUE);
    // 20 bytes a tree row, 28 a point, 20 a cluster, 4 for the dimension: checked before allocating.
    long fixed = 20L * rows + 28L * n + 20L * k + 4;
    if (fixed > in.remaining()) {
      throw in.corrupt("shape points=" + n + ", rows=" + rows + ", clusters=" + k + " does not fit the "
          + in.remaining() + " bytes left");
    }
    int[] parent = in.readInts(rows);
    int[] child = in.readInts(rows);
    double[] lambda = in.readDoubles(rows);
    int[] childSize = in.readInts(rows);
    int[] labels = in.readInts(n);
    double[] probabilities = in.readDoubles(n);
    double[] outlierScores = in.readDoubles(n);
    double[] coreDistances = in.readDoubles(n);
    int[] nodes = in.readInts(k);
    double[] stability = in.readDoubles(k);
    double[] persistence = in.readDoubles(k);
    int d = in.readInt("dimension", 0, Integer.MAX_VALUE);
    if (4L * n * d != in.remaining()) {
      throw in.corrupt("vectors of dimension " + d + " for " + n + " points do not fit the " + in.remaining()
          + " bytes left");
    }
    DenseVectors vectors = null;
    if (d > 0) {
      float[][] v = new float[n][];
      for (int i = 0; i < n; i++) {
        v[i] = in.readFloats(d);
      }
      vectors = DenseVectors.of(v);
    }
    in.expectEnd();
    try {
      CondensedTree tree = CondensedTree.of(n, parent, child, lambda, childSize);
      HdbscanResult result = HdbscanResult.of(options, minSamples, labels, probabilities, outlierScores, tree, nodes,
          stability, persistence, coreDistances);
      return new Contents(result, vectors);
    } catch (IllegalArgumentException e) {
      throw in.corrupt(e.getMessage(), e);
    }
  }
}
