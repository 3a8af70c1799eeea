package org.papermap;

import java.io.IOException;
import org.papermap.io.CodecInput;
import org.papermap.io.CodecOutput;
import org.papermap.io.FileFormat;
import org.papermap.topic.Clusters;

/**
 * The {@code topics.model} file of a map folder: the topic options and the final clustering the topic
 * model is fitted from ({@link MapTopics}).
 *
 * <pre>
 * version 1  string map options ({@link MapTopicOptions#toMap}), string choice (how the number of topics
 *            was chosen), int n (papers), int k (clusters), int[n] labels (-1 = noise),
 *            boolean strengths, [float[n] strengths], boolean membership, [float[n × k] membership,
 *            paper-major]; little-endian
 * version 2  as version 1 with int fitted (the papers the clustering was fitted on, {@code <= n}; the others
 *            were added later with predicted topics) after k
 * </pre>
 *
 * <p>Thread-safety: stateless; safe.
 */
final class MapTopicsFile {
  static final FileFormat FORMAT = FileFormat.of("papermap.topics", 2);

  private static final int MAX_CHOICE_BYTES = 1 << 16;

  private MapTopicsFile() {}

  static void write(MapTopics topics, CodecOutput out) throws IOException {
    Clusters c = topics.clusters();
    int n = c.size();
    int k = c.clusterCount();
    out.writeMap(topics.options().toMap());
    out.writeString(topics.choice());
    out.writeInt(n);
    out.writeInt(k);
    out.writeInt(topics.fittedPapers());
    out.writeInts(c.labels(), 0, n);
    out.writeBoolean(c.hasStrengths());
    if (c.hasStrengths()) {
      float[] s = new float[n];
      for (int i = 0; i < n; i++) {
        s[i] = c.strength(i);
      }
      out.writeFloats(s);
    }
    out.writeBoolean(c.hasMembership());
    if (c.hasMembership()) {
      float[] row = new float[k];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < k; j++) {
          row[j] = c.membership(i, j);
        }
        out.writeFloats(row);
      }
    }
  }

  /**
   * Reads a body written by {@link #write}.
   *
   * @throws org.papermap.io.CorruptFileException naming the file if a value breaks its rule (labels out
   *     of range, an empty cluster, a strength outside [0, 1], a size that does not fit the file)
   */
  static MapTopics read(CodecInput in, int papers) throws IOException {
    MapTopicOptions options;
    try {
      options = MapTopicOptions.fromMap(in.readMap());
    } catch (IllegalArgumentException e) {
      throw in.corrupt(e.getMessage(), e);
    }
    String choice = in.readString(MAX_CHOICE_BYTES);
    int n = in.readInt("paper count", papers, papers);
    int k = in.readInt("cluster count", 0, n);
    int fitted = in.version() >= 2 ? in.readInt("fitted paper count", 0, n) : n;
    int[] labels = in.readInts(n);
    float[] strengths = in.readBoolean() ? in.readFloats(n) : null;
    float[][] membership = null;
    if (in.readBoolean()) {
      if ((long) n * k * 4 != in.remaining()) {
        throw in.corrupt("membership of " + n + " papers × " + k + " clusters does not fit the "
            + in.remaining() + " bytes left");
      }
      membership = new float[n][];
      for (int i = 0; i < n; i++) {
        membership[i] = in.readFloats(k);
      }
    }
    in.expectEnd();
    try {
      Clusters c = strengths == null ? Clusters.of(labels) : Clusters.of(labels, strengths);
      if (c.clusterCount() != k) {
        throw new IllegalArgumentException("labels name " + c.clusterCount() + " clusters, the header " + k);
      }
      return new MapTopics(options, membership == null ? c : c.withMembership(membership), choice, fitted);
    } catch (IllegalArgumentException e) {
      throw in.corrupt(e.getMessage(), e);
    }
  }
}
