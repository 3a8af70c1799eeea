package org.papermap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The body writer that {@link Codec#write} hands to a file's {@link Codec.Body}: little-endian
 * primitives, arrays, strings and string maps, buffered, with a running CRC32 and the position from
 * the start of the file (so {@link #align} aligns absolute offsets, as memory-mapped reads want).
 *
 * <p>Strings are an int byte count and UTF-8 bytes; a string map (options are stored this way in every
 * format) is an int entry count and then key, value, key, value... in the map's order.
 *
 * <p>Thread-safety: not thread-safe.
 */
public final class CodecOutput {
  /** Alignment of {@link #align}: a cache line, so mapped float rows start aligned. */
  public static final int ALIGNMENT = 64;

  private final AtomicFile file;
  private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32 crc = new CRC32();
  private long position;

  CodecOutput(AtomicFile file) {
    this.file = file;
  }

  /** Bytes written so far, header included. */
  public long position() {
    return position;
  }

  private void ensure(int n) throws IOException {
    if (buf.remaining() < n) {
      flush();
    }
  }

  void flush() throws IOException {
    buf.flip();
    crc.update(buf.duplicate());
    file.write(buf);
    buf.clear();
  }

  /** The CRC32 of every byte written so far (after a {@link #flush}). */
  long checksum() {
    return crc.getValue();
  }

  public void writeByte(byte b) throws IOException {
    ensure(1);
    buf.put(b);
    position++;
  }

  public void writeBoolean(boolean v) throws IOException {
    writeByte(v ? (byte) 1 : 0);
  }

  public void writeInt(int v) throws IOException {
    ensure(4);
    buf.putInt(v);
    position += 4;
  }

  public void writeLong(long v) throws IOException {
    ensure(8);
    buf.putLong(v);
    position += 8;
  }

  public void writeFloat(float v) throws IOException {
    ensure(4);
    buf.putFloat(v);
    position += 4;
  }

  public void writeDouble(double v) throws IOException {
    ensure(8);
    buf.putDouble(v);
    position += 8;
  }

  public void writeBytes(byte[] b) throws IOException {
    for (byte x : b) {
      writeByte(x);
    }
  }

  /** {@code a[from..to)}. */
  public void writeInts(int[] a, int from, int to) throws IOException {
    for (int i = from; i < to; i++) {
      writeInt(a[i]);
    }
  }

  public void writeFloats(float[] a) throws IOException {
    for (float v : a) {
      writeFloat(v);
    }
  }

  public void writeDoubles(double[] a) throws IOException {
    for (double v : a) {
      writeDouble(v);
    }
  }

  /** An int byte count, then the UTF-8 bytes. */
  public void writeString(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeInt(b.length);
    writeBytes(b);
  }

  /** An int entry count, then each key and value as {@link #writeString}, in the map's order. */
  public void writeMap(Map<String, String> m) throws IOException {
    writeInt(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      writeString(e.getKey());
      writeString(e.getValue());
    }
  }

  /** Pads with zeros so that the next byte starts at a multiple of {@link #ALIGNMENT}. */
  public void align() throws IOException {
    while (position % ALIGNMENT != 0) {
      writeByte((byte) 0);
    }
  }
}
