package org.papermap.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.papermap.io.Codec;
import org.papermap.io.CodecInput;
import org.papermap.io.CodecOutput;
import org.papermap.io.FileFormat;
import org.papermap.io.MapId;

/**
 * The file of a {@link FlatIndex}: its live vectors, memory-mapped when opened, so they are searched
 * in place and never loaded onto the heap as a whole.
 *
 * <pre>
 * body (versions 1 and 2)  int n, int dim, zero padding to a multiple of 64 from the file start,
 *                          float[n × dim] rows, little-endian
 * </pre>
 *
 * Saving compacts: deleted ords are dropped and the live ones renumbered in ascending order ({@link
 * IndexCompaction}). An opened index is read-only; its deletes are kept in memory until the next save.
 *
 * <p>Thread-safety: stateless; safe. Do not save an index while another thread adds to it.
 */
public final class FlatIndexFile {
  /** Format name and versions (version 1: release 0.1's header). */
  public static final FileFormat FORMAT = new FileFormat("papermap.flat", 1, 2, "papermap.flat");

  private FlatIndexFile() {}

  /**
   * Writes the live vectors of {@code index} to {@code file}, all or nothing.
   *
   * @return the old-to-new ord map ({@code -1} for deleted ords)
   */
  public static int[] save(FlatIndex index, Path file) throws IOException {
    Objects.requireNonNull(index, "index");
    int[] map = IndexCompaction.ordMap(index);
    Codec.write(file, FORMAT, MapId.NONE, out -> write(index, map, out));
    return map;
  }

  /** Opens a flat index whose vectors stay in the mapped file. */
  public static FlatIndex open(Path file, IndexOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    return read(Codec.open(file, FORMAT), options);
  }

  /** Writes the body of {@code index}'s file (for a map folder; {@link #save} for a file on its own). */
  public static void write(FlatIndex index, CodecOutput out) throws IOException {
    write(index, IndexCompaction.ordMap(index), out);
  }

  private static void write(FlatIndex index, int[] map, CodecOutput out) throws IOException {
    DenseVectorStore store = index.vectors();
    out.writeInt(IndexCompaction.liveCount(map));
    out.writeInt(store.dimension());
    writeVectors(out, store, map);
  }

  /** Reads a body written by {@link #write}. */
  public static FlatIndex read(CodecInput in, IndexOptions options) throws IOException {
    int n = in.readInt("vector count", 0, Integer.MAX_VALUE);
    int dim = in.readInt("dimension", 1, Integer.MAX_VALUE);
    DenseVectorStore store = readVectors(in, n, dim);
    in.expectEnd();
    return FlatIndex.wrap(store, options);
  }

  /** Zero padding to 64 bytes, then the rows of the live ords in ord order. */
  public static void writeVectors(CodecOutput out, DenseVectorStore store, int[] map) throws IOException {
    out.align();
    float[] scratch = new float[store.dimension()];
    for (int i = 0; i < map.length; i++) {
      if (map[i] >= 0) {
        out.writeFloats(store.vector(i, scratch));
      }
    }
  }

  /** The padded rows written by {@link #writeVectors}, mapped in place. */
  public static DenseVectorStore readVectors(CodecInput in, int n, int dim) throws IOException {
    in.align();
    return new MappedVectorStore(in.slice(4L * n * dim), n, dim);
  }
}
