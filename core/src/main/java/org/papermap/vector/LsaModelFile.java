package org.papermap.vector;

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
 * The file of an {@link LsaModel}: options, singular values, basis and the embeddings of the training
 * rows.
 *
 * <pre>
 * version 2  string map options ({@link Lsa.Options#toMap}), int powerIterations run,
 *            int m (features), int n (rows), per dimension j: double s_j, double var_j, double ratio_j,
 *            float[m × d] V feature-major, float[n × d] embeddings; little-endian
 * version 1  (release 0.1, big-endian) int d, boolean normalizeRows, int oversampling,
 *            int powerIterations asked, int normalizer ordinal, long seed, int parallelism in place of
 *            the options map; the rest as version 2
 * </pre>
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class LsaModelFile {
  /** Format name and versions (version 1: release 0.1's big-endian file with positional options). */
  public static final FileFormat FORMAT = new FileFormat("papermap.lsa", 1, 2, "PaperMapLsaModel");

  private LsaModelFile() {}

  /**
   * Writes {@code model} to {@code file}, all or nothing.
   *
   * @throws IOException naming the file if it cannot be written
   */
  public static void save(LsaModel model, Path file) throws IOException {
    Objects.requireNonNull(model, "model");
    Codec.write(file, FORMAT, MapId.NONE, out -> write(model, out));
  }

  /**
   * Reads a model written by {@link #save}.
   *
   * @throws CorruptFileException naming the file if it is not a regular file, is truncated, damaged,
   *     not an LSA model or of an unsupported version
   */
  public static LsaModel open(Path file) throws IOException {
    return read(Codec.open(file, FORMAT));
  }

  /** Writes the body of the model's file (for a map folder; {@link #save} for a file on its own). */
  public static void write(LsaModel model, CodecOutput out) throws IOException {
    int d = model.dimensions();
    out.writeMap(model.options().toMap());
    out.writeInt(model.powerIterations());
    out.writeInt(model.featureCount());
    out.writeInt(model.embeddings().size());
    double[] s = model.singularValues();
    double[] ev = model.explainedVariance();
    double[] ratio = model.explainedVarianceRatio();
    for (int j = 0; j < d; j++) {
      out.writeDouble(s[j]);
      out.writeDouble(ev[j]);
      out.writeDouble(ratio[j]);
    }
    out.writeFloats(model.basisShared());
    for (int r = 0; r < model.embeddings().size(); r++) {
      out.writeFloats(model.embeddings().vector(r));
    }
  }

  /** Reads a body written by {@link #write} (or by version 1). */
  public static LsaModel read(CodecInput in) throws IOException {
    Lsa.Options options;
    try {
      options = in.version() == 1 ? version1Options(in) : Lsa.Options.fromMap(in.readMap());
    } catch (IllegalArgumentException e) {
      throw in.corrupt(e.getMessage(), e);
    }
    int d = options.dimensions();
    int powerIterations = in.readInt("power iterations", 0, Integer.MAX_VALUE);
    int m = in.readInt("feature count", d, Integer.MAX_VALUE);
    int n = in.readInt("row count", 0, Integer.MAX_VALUE);
    if (24L * d + 4L * ((long) m * d + (long) n * d) != in.remaining()) {
      throw in.corrupt("shape dimensions=" + d + ", features=" + m + ", rows=" + n + " does not fit the "
          + in.remaining() + " bytes left");
    }
    double[] s = new double[d];
    double[] ev = new double[d];
    double[] ratio = new double[d];
    for (int j = 0; j < d; j++) {
      s[j] = in.readDouble();
      ev[j] = in.readDouble();
      ratio[j] = in.readDouble();
    }
    float[] basis = in.readFloats(m * d);
    float[][] rows = new float[n][];
    for (int r = 0; r < n; r++) {
      rows[r] = in.readFloats(d);
    }
    in.expectEnd();
    return new LsaModel(options, m, basis, s, ev, ratio, DenseVectors.ofOwned(rows), powerIterations);
  }

  private static Lsa.Options version1Options(CodecInput in) throws IOException {
    int d = in.readInt("dimensions", 1, Integer.MAX_VALUE);
    boolean normalizeRows = in.readBoolean();
    int oversampling = in.readInt();
    int iterations = in.readInt();
    RandomizedSvdOptions.PowerIterationNormalizer[] normalizers = RandomizedSvdOptions.PowerIterationNormalizer.values();
    int normalizer = in.readInt("power iteration normalizer", 0, normalizers.length - 1);
    long seed = in.readLong();
    int parallelism = in.readInt();
    return Lsa.Options.builder()
        .dimensions(d)
        .normalizeRows(normalizeRows)
        .oversampling(oversampling)
        .powerIterations(iterations)
        .powerIterationNormalizer(normalizers[normalizer])
        .seed(seed)
        .parallelism(parallelism)
        .build();
  }
}
