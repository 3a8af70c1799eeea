package org.papermap.index.hnsw;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.papermap.index.DenseVectorStore;
import org.papermap.index.FlatIndexFile;
import org.papermap.index.IndexCompaction;
import org.papermap.io.Codec;
import org.papermap.io.CodecInput;
import org.papermap.io.CodecOutput;
import org.papermap.io.FileFormat;
import org.papermap.io.MapId;
import org.papermap.vector.DenseVectors;

/**
 * The file of an {@link HnswIndex}: options, graph and vectors. Opening reads the graph onto the heap
 * and maps the vectors in place; the opened index is read-only.
 *
 * <pre>
 * version 2  string map options ({@link HnswOptions#toMap}), int n, int dim, int entryNode,
 *            [INT8: float[dim] min, float[dim] max], int[n] top level per node,
 *            per node, per level 0..top: int count, int[count] friend ords,
 *            zero padding to a multiple of 64 from the file start, float[n × dim] rows
 * version 1  as 2, but int n, int dim, int m, int efConstruction, int efSearch, long seed,
 *            int quantization (0 NONE, 1 INT8), int entryNode in place of the options and those
 * </pre>
 *
 * All little-endian. Saving an index with deletes rebuilds the graph from the live vectors with the same
 * options (HNSW cannot drop nodes without losing connectivity), which costs a full build.
 *
 * <p>Thread-safety: stateless; safe. Do not save an index while another thread adds to it.
 */
public final class HnswIndexFile {
  /** Format name and versions (version 1: release 0.1's header and positional options). */
  public static final FileFormat FORMAT = new FileFormat("papermap.hnsw", 1, 2, "papermap.hnsw");

  private static final int MAX_LEVEL = 30;

  private HnswIndexFile() {}

  /**
   * Writes the graph and live vectors of {@code index} to {@code file}, all or nothing.
   *
   * @return the old-to-new ord map ({@code -1} for deleted ords)
   */
  public static int[] save(HnswIndex index, Path file) throws IOException {
    Objects.requireNonNull(index, "index");
    int[] map = IndexCompaction.ordMap(index);
    Codec.write(file, FORMAT, MapId.NONE, out -> write(index, map, out));
    return map;
  }

  /**
   * Opens an HNSW index: graph on the heap, vectors in the mapped file.
   *
   * @param parallelism threads for {@code neighbours}, {@code >= 1}
   */
  public static HnswIndex open(Path file, int parallelism) throws IOException {
    return read(Codec.open(file, FORMAT), parallelism);
  }

  /** Writes the body of {@code index}'s file (for a map folder; {@link #save} for a file on its own). */
  public static void write(HnswIndex index, CodecOutput out) throws IOException {
    write(index, IndexCompaction.ordMap(index), out);
  }

  private static void write(HnswIndex index, int[] map, CodecOutput out) throws IOException {
    HnswIndex g = index.size() == index.ordCount() ? index : compacted(index, map);
    HnswGraph graph = g.graph();
    int n = graph.nodeCount();
    out.writeMap(g.options().toMap());
    out.writeInt(n);
    out.writeInt(g.dimension());
    out.writeInt(graph.entryNode());
    if (g.options().quantization() == HnswOptions.Quantization.INT8) {
      out.writeFloats(g.quantizerMin());
      out.writeFloats(g.quantizerMax());
    }
    for (int node = 0; node < n; node++) {
      out.writeInt(graph.level(node));
    }
    for (int node = 0; node < n; node++) {
      for (int l = 0; l <= graph.level(node); l++) {
        int[] friends = graph.friends(node, l);
        out.writeInts(friends, 0, friends[0] + 1);
      }
    }
    int[] identity = new int[n];
    java.util.Arrays.setAll(identity, i -> i);
    FlatIndexFile.writeVectors(out, g.vectors(), identity);
  }

  /** The live vectors of {@code index} in a freshly built graph. */
  private static HnswIndex compacted(HnswIndex index, int[] map) {
    float[][] live = new float[index.size()][];
    float[] scratch = new float[index.dimension()];
    for (int i = 0; i < map.length; i++) {
      if (map[i] >= 0) {
        live[map[i]] = index.vectors().vector(i, scratch).clone();
      }
    }
    HnswOptions o = index.options();
    return live.length == 0
        ? HnswIndex.create(index.dimension(), o.toBuilder().quantization(HnswOptions.Quantization.NONE).build())
        : HnswIndex.build(DenseVectors.of(live), o);
  }

  /**
   * Reads a body written by {@link #write} (or by version 1).
   *
   * @param parallelism threads for {@code neighbours}, {@code >= 1}
   */
  public static HnswIndex read(CodecInput in, int parallelism) throws IOException {
    HnswOptions options;
    int n;
    int dim;
    int entry;
    if (in.version() == 1) {
      n = in.readInt("node count", 0, Integer.MAX_VALUE);
      dim = in.readInt("dimension", 1, Integer.MAX_VALUE);
      int m = in.readInt("m", 2, 512);
      int efc = in.readInt("efConstruction", m, Integer.MAX_VALUE);
      int efs = in.readInt("efSearch", 1, Integer.MAX_VALUE);
      long seed = in.readLong();
      HnswOptions.Quantization[] qs = HnswOptions.Quantization.values();
      HnswOptions.Quantization q = qs[in.readInt("quantization", 0, qs.length - 1)];
      options = HnswOptions.builder().m(m).efConstruction(efc).efSearch(efs).seed(seed).quantization(q).build();
      entry = in.readInt("entry node", n == 0 ? -1 : 0, n - 1);
    } else {
      try {
        options = HnswOptions.fromMap(in.readMap());
      } catch (IllegalArgumentException e) {
        throw in.corrupt(e.getMessage(), e);
      }
      n = in.readInt("node count", 0, Integer.MAX_VALUE);
      dim = in.readInt("dimension", 1, Integer.MAX_VALUE);
      entry = in.readInt("entry node", n == 0 ? -1 : 0, n - 1);
    }
    options = options.toBuilder().parallelism(parallelism).build();
    float[] qmin = null;
    float[] qmax = null;
    if (options.quantization() == HnswOptions.Quantization.INT8) {
      qmin = in.readFloats(dim);
      qmax = in.readFloats(dim);
    }
    if (4L * n > in.remaining()) {
      throw in.corrupt("node count " + n + " does not fit the file");
    }
    int[] levels = new int[n];
    for (int i = 0; i < n; i++) {
      levels[i] = in.readInt("level of node " + i, 0, MAX_LEVEL);
    }
    int[][][] friends = new int[n][][];
    for (int i = 0; i < n; i++) {
      friends[i] = new int[levels[i] + 1][];
      for (int l = 0; l <= levels[i]; l++) {
        int c = in.readInt("neighbour count of node " + i, 0, l == 0 ? 2 * options.m() : options.m());
        friends[i][l] = in.readInts(c);
      }
    }
    DenseVectorStore store = FlatIndexFile.readVectors(in, n, dim);
    in.expectEnd();
    try {
      return HnswIndex.load(store, HnswGraph.of(options.m(), levels, friends, entry), qmin, qmax, options);
    } catch (IllegalArgumentException e) {
      throw in.corrupt("invalid graph: " + e.getMessage(), e);
    }
  }
}
