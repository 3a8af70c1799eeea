package org.papermap.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a file that {@link Codec#open} has verified (length, footer, CRC32, header): a
 * bounds-checked reader over the bytes between header and footer, in the file's byte order. Every read
 * past the body, every count out of range, throws a {@link CorruptFileException} naming the file and
 * the offset.
 *
 * <p>Thread-safety: not thread-safe; slices it hands out are independent.
 */
public final class CodecInput {
  private final Path file;
  private final ByteBuffer buf;
  private final int version;
  private final MapId mapId;
  private final long checksum;
  private final long length;

  CodecInput(Path file, ByteBuffer body, int version, MapId mapId, long checksum, long length) {
    this.file = file;
    this.buf = body;
    this.version = version;
    this.mapId = mapId;
    this.checksum = checksum;
    this.length = length;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The format version in the header. */
  public int version() {
    return version;
  }

  /** The map the file belongs to ({@link MapId#NONE} for a file saved on its own or of version 1). */
  public MapId mapId() {
    return mapId;
  }

  /** The CRC32 stored in (and verified against) the footer. */
  public long checksum() {
    return checksum;
  }

  /** The file's length in bytes. */
  public long length() {
    return length;
  }

  /** The byte order of the body: little-endian, but big-endian in version-1 model files. */
  public ByteOrder order() {
    return buf.order();
  }

  /** The offset of the next byte, from the start of the file. */
  public long position() {
    return buf.position();
  }

  /** An exception naming the file, the current offset and {@code rule}. */
  public CorruptFileException corrupt(String rule) {
    return new CorruptFileException(file, buf.position(), rule);
  }

  /** As {@link #corrupt(String)}, with the exception that revealed the problem. */
  public CorruptFileException corrupt(String rule, Throwable cause) {
    return new CorruptFileException(file, buf.position(), rule, cause);
  }

  private void need(long n) throws CorruptFileException {
    if (n < 0 || buf.remaining() < n) {
      throw corrupt("truncated body: need " + n + " bytes, the body ends at byte " + buf.limit());
    }
  }

  public byte readByte() throws CorruptFileException {
    need(1);
    return buf.get();
  }

  /** A byte that must be 0 or 1. */
  public boolean readBoolean() throws CorruptFileException {
    byte b = readByte();
    if (b != 0 && b != 1) {
      throw new CorruptFileException(file, buf.position() - 1, "boolean must be 0 or 1, got " + b);
    }
    return b == 1;
  }

  public int readInt() throws CorruptFileException {
    need(4);
    return buf.getInt();
  }

  /** An int checked to lie in {@code [min, max]}; {@code what} names it in the error. */
  public int readInt(String what, int min, int max) throws CorruptFileException {
    int v = readInt();
    if (v < min || v > max) {
      throw new CorruptFileException(
          file, buf.position() - 4, String.format(Locale.ROOT, "%s must be in [%d, %d], got %d", what, min, max, v));
    }
    return v;
  }

  public long readLong() throws CorruptFileException {
    need(8);
    return buf.getLong();
  }

  public float readFloat() throws CorruptFileException {
    need(4);
    return buf.getFloat();
  }

  public double readDouble() throws CorruptFileException {
    need(8);
    return buf.getDouble();
  }

  public byte[] readBytes(int n) throws CorruptFileException {
    need(n);
    byte[] b = new byte[n];
    buf.get(b);
    return b;
  }

  public int[] readInts(int n) throws CorruptFileException {
    need(4L * n);
    int[] a = new int[n];
    buf.asIntBuffer().get(a);
    buf.position(buf.position() + 4 * n);
    return a;
  }

  public float[] readFloats(int n) throws CorruptFileException {
    need(4L * n);
    float[] a = new float[n];
    buf.asFloatBuffer().get(a);
    buf.position(buf.position() + 4 * n);
    return a;
  }

  public double[] readDoubles(int n) throws CorruptFileException {
    need(8L * n);
    double[] a = new double[n];
    buf.asDoubleBuffer().get(a);
    buf.position(buf.position() + 8 * n);
    return a;
  }

  /** A string written by {@link CodecOutput#writeString}, of at most {@code maxBytes} bytes. */
  public String readString(int maxBytes) throws CorruptFileException {
    int n = readInt("string length", 0, Math.min(maxBytes, buf.remaining()));
    return new String(readBytes(n), StandardCharsets.UTF_8);
  }

  /** A map written by {@link CodecOutput#writeMap}, in its order; keys must be distinct. */
  public Map<String, String> readMap() throws CorruptFileException {
    int n = readInt("map entry count", 0, buf.remaining() / 8);
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      long at = buf.position();
      String key = readString(1 << 16);
      String value = readString(1 << 20);
      if (m.put(key, value) != null) {
        throw new CorruptFileException(file, at, "duplicate key '" + key + "'");
      }
    }
    return m;
  }

  /** Skips zero padding up to the next multiple of {@link CodecOutput#ALIGNMENT} from the file start. */
  public void align() throws CorruptFileException {
    int pad = (CodecOutput.ALIGNMENT - buf.position() % CodecOutput.ALIGNMENT) % CodecOutput.ALIGNMENT;
    need(pad);
    buf.position(buf.position() + pad);
  }

  /**
   * The next {@code bytes} bytes as a little-endian view into the file (not copied; a mapped file
   * stays mapped while the view is reachable), skipping past them.
   */
  public ByteBuffer slice(long bytes) throws CorruptFileException {
    need(bytes);
    ByteBuffer s = buf.slice(buf.position(), (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
    buf.position(buf.position() + (int) bytes);
    return s;
  }

  /** Bytes left before the footer. */
  public int remaining() {
    return buf.remaining();
  }

  /** Checks that the body was read to its end. */
  public void expectEnd() throws CorruptFileException {
    if (buf.hasRemaining()) {
      throw corrupt(buf.remaining() + " unexpected bytes before the footer");
    }
  }
}
