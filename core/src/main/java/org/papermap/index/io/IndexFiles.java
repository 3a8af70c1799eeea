package org.papermap.index.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.papermap.index.DenseVectorStore;
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.SparseIndex;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.vector.DenseVectors;
import org.papermap.vector.SparseMatrix;

/**
 * Saves and opens indexes as single versioned, checksummed files (layouts in {@code
 * package-info.java}).
 *
 * <p>Saving compacts: deleted ords are dropped and the live ones renumbered in ascending order; every
 * {@code save} returns the {@code oldOrd -> newOrd} map ({@code -1} for deleted ords) so the caller
 * can carry its id table over. Files are written to a temp file in the same directory, synced, then
 * atomically renamed over the target.
 *
 * <p>Opening verifies the CRC32 of the whole file (one sequential read), then the header, then every
 * structural field. Dense vectors are then searched in the mapping itself; HNSW graphs and sparse
 * postings are read onto the heap. Opened dense indexes are read-only (no add; deletes are kept in
 * memory until the next save). The mapping is released by the garbage collector.
 *
 * <p>Thread-safety: stateless; safe. Do not save an index while another thread adds to it.
 */
public final class IndexFiles {
  static final String FLAT = "papermap.flat";
  static final String HNSW = "papermap.hnsw";
  static final String SPARSE = "papermap.sparse";
  static final int VERSION_1 = 1;
  static final int VERSION_CURRENT = VERSION_1;

  private IndexFiles() {}

  /** {@code oldOrd -> newOrd} after dropping deleted ords; -1 for deleted. */
  private static int[] compaction(int ordCount, org.papermap.index.VectorIndex<?> index) {
    int[] map = new int[ordCount];
    int next = 0;
    for (int i = 0; i < ordCount; i++) {
      map[i] = index.isDeleted(i) ? -1 : next++;
    }
    return map;
  }

  // ------------------------------------------------------------------ flat

  /**
   * Writes the live vectors of {@code index}.
   *
   * @return the old-to-new ord map
   */
  public static int[] save(FlatIndex index, Path file) throws IOException {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(file, "file");
    DenseVectorStore store = index.vectors();
    int n = store.size();
    int[] map = compaction(n, index);
    int live = n == 0 ? 0 : Arrays.stream(map).max().getAsInt() + 1;
    try (IndexCodec.Out out = new IndexCodec.Out(file, FLAT, VERSION_CURRENT)) {
      out.writeInt(live);
      out.writeInt(store.dimension());
      writeVectors(out, store, map);
      out.commit();
    }
    return map;
  }

  /** Opens a flat index whose vectors stay in the mapped file. */
  public static FlatIndex openFlat(Path file, IndexOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    IndexCodec.In in = IndexCodec.open(file, FLAT, VERSION_1, VERSION_CURRENT);
    int n = in.readInt("vector count", 0, Integer.MAX_VALUE);
    int dim = in.readInt("dimension", 1, Integer.MAX_VALUE);
    DenseVectorStore store = readVectors(in, n, dim);
    in.expectEnd();
    return FlatIndex.wrap(store, options);
  }

  private static void writeVectors(IndexCodec.Out out, DenseVectorStore store, int[] map) throws IOException {
    out.align();
    float[] scratch = new float[store.dimension()];
    for (int i = 0; i < map.length; i++) {
      if (map[i] >= 0) {
        out.writeFloats(store.vector(i, scratch));
      }
    }
  }

  private static DenseVectorStore readVectors(IndexCodec.In in, int n, int dim) throws CorruptIndexException {
    in.align();
    long bytes = (long) n * dim * 4;
    return new MappedVectorStore(in.slice(bytes), n, dim);
  }

  // ------------------------------------------------------------------ hnsw

  /**
   * Writes the graph and live vectors of {@code index}. Without deletes the graph is written as is;
   * with deletes it is rebuilt from the live vectors with the same options (HNSW cannot drop nodes
   * without losing connectivity), which costs a full build.
   *
   * @return the old-to-new ord map
   */
  public static int[] save(HnswIndex index, Path file) throws IOException {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(file, "file");
    int n = index.ordCount();
    int[] map = compaction(n, index);
    HnswIndex g = index;
    if (index.size() != n) {
      float[][] live = new float[index.size()][];
      float[] scratch = new float[index.dimension()];
      for (int i = 0; i < n; i++) {
        if (map[i] >= 0) {
          live[map[i]] = index.vectors().vector(i, scratch).clone();
        }
      }
      g = live.length == 0 ? HnswIndex.create(index.dimension(), plain(index.options())) : HnswIndex.build(DenseVectors.of(live), index.options());
    }
    HnswIndex.Options o = g.options();
    int count = g.ordCount();
    try (IndexCodec.Out out = new IndexCodec.Out(file, HNSW, VERSION_CURRENT)) {
      out.writeInt(count);
      out.writeInt(g.dimension());
      out.writeInt(o.m());
      out.writeInt(o.efConstruction());
      out.writeInt(o.efSearch());
      out.writeLong(o.seed());
      out.writeInt(o.quantization().ordinal());
      out.writeInt(g.entryNode());
      if (o.quantization() == HnswIndex.Quantization.INT8) {
        out.writeFloats(g.quantizerMin());
        out.writeFloats(g.quantizerMax());
      }
      for (int node = 0; node < count; node++) {
        out.writeInt(g.level(node));
      }
      for (int node = 0; node < count; node++) {
        for (int l = 0; l <= g.level(node); l++) {
          int[] nb = g.neighbours(node, l);
          out.writeInt(nb.length);
          out.writeInts(nb, 0, nb.length);
        }
      }
      int[] identity = new int[count];
      Arrays.setAll(identity, i -> i);
      writeVectors(out, g.vectors(), identity);
      out.commit();
    }
    return map;
  }

  private static HnswIndex.Options plain(HnswIndex.Options o) {
    return o.toBuilder().quantization(HnswIndex.Quantization.NONE).build();
  }

  /**
   * Opens an HNSW index: graph on the heap, vectors in the mapped file.
   *
   * @param parallelism threads for {@code neighbours}, {@code >= 1}
   */
  public static HnswIndex openHnsw(Path file, int parallelism) throws IOException {
    Objects.requireNonNull(file, "file");
    IndexCodec.In in = IndexCodec.open(file, HNSW, VERSION_1, VERSION_CURRENT);
    int n = in.readInt("node count", 0, Integer.MAX_VALUE);
    int dim = in.readInt("dimension", 1, Integer.MAX_VALUE);
    int m = in.readInt("m", 2, 512);
    int efc = in.readInt("efConstruction", m, Integer.MAX_VALUE);
    int efs = in.readInt("efSearch", 1, Integer.MAX_VALUE);
    long seed = in.readLong();
    HnswIndex.Quantization[] qs = HnswIndex.Quantization.values();
    HnswIndex.Quantization q = qs[in.readInt("quantization", 0, qs.length - 1)];
    int entry = in.readInt("entry node", n == 0 ? -1 : 0, n - 1);
    float[] qmin = null;
    float[] qmax = null;
    if (q == HnswIndex.Quantization.INT8) {
      qmin = in.readFloats(dim);
      qmax = in.readFloats(dim);
    }
    int[] levels = new int[n];
    for (int i = 0; i < n; i++) {
      levels[i] = in.readInt("level of node " + i, 0, 30);
    }
    int[][][] links = new int[n][][];
    for (int i = 0; i < n; i++) {
      links[i] = new int[levels[i] + 1][];
      for (int l = 0; l <= levels[i]; l++) {
        int c = in.readInt("neighbour count of node " + i, 0, l == 0 ? 2 * m : m);
        links[i][l] = in.readInts(c);
      }
    }
    DenseVectorStore store = readVectors(in, n, dim);
    in.expectEnd();
    HnswIndex.Options options =
        HnswIndex.Options.builder().m(m).efConstruction(efc).efSearch(efs).seed(seed).quantization(q).parallelism(parallelism).build();
    try {
      return HnswIndex.load(store, levels, links, entry, qmin, qmax, options);
    } catch (IllegalArgumentException e) {
      throw new CorruptIndexException("invalid graph: " + e.getMessage(), file, e);
    }
  }

  // ------------------------------------------------------------------ sparse

  /**
   * Writes the live rows of {@code index}.
   *
   * @return the old-to-new ord map
   */
  public static int[] save(SparseIndex index, Path file) throws IOException {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(file, "file");
    SparseMatrix docs = index.docs();
    int n = docs.rows();
    int[] map = compaction(n, index);
    int live = 0;
    long nnz = 0;
    for (int r = 0; r < n; r++) {
      if (map[r] >= 0) {
        live++;
        nnz += docs.rowEnd(r) - docs.rowStart(r);
      }
    }
    try (IndexCodec.Out out = new IndexCodec.Out(file, SPARSE, VERSION_CURRENT)) {
      out.writeInt(live);
      out.writeInt(docs.cols());
      out.writeInt(Math.toIntExact(nnz));
      int ptr = 0;
      out.writeInt(0);
      for (int r = 0; r < n; r++) {
        if (map[r] >= 0) {
          ptr += docs.rowEnd(r) - docs.rowStart(r);
          out.writeInt(ptr);
        }
      }
      for (int r = 0; r < n; r++) {
        if (map[r] >= 0) {
          for (int i = docs.rowStart(r); i < docs.rowEnd(r); i++) {
            out.writeInt(docs.colIndex(i));
          }
        }
      }
      for (int r = 0; r < n; r++) {
        if (map[r] >= 0) {
          for (int i = docs.rowStart(r); i < docs.rowEnd(r); i++) {
            out.writeFloat(docs.value(i));
          }
        }
      }
      out.commit();
    }
    return map;
  }

  /** Opens a sparse index; its arrays are read onto the heap and the postings rebuilt. */
  public static SparseIndex openSparse(Path file, IndexOptions options) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    IndexCodec.In in = IndexCodec.open(file, SPARSE, VERSION_1, VERSION_CURRENT);
    int rows = in.readInt("row count", 0, Integer.MAX_VALUE - 1);
    int cols = in.readInt("column count", 0, Integer.MAX_VALUE);
    int nnz = in.readInt("nnz", 0, Integer.MAX_VALUE);
    int[] ptr = in.readInts(rows + 1);
    int[] col = in.readInts(nnz);
    float[] val = in.readFloats(nnz);
    in.expectEnd();
    try {
      return SparseIndex.build(SparseMatrix.of(rows, cols, ptr, col, val), options);
    } catch (IllegalArgumentException e) {
      throw new CorruptIndexException("invalid sparse matrix: " + e.getMessage(), file, e);
    }
  }
}
