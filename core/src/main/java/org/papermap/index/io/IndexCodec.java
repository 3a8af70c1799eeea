package org.papermap.index.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Minimal header/footer codec in the manner of Lucene's {@code CodecUtil}, private to this package
 * until the project-wide {@code org.papermap.internal.io.Codec} lands.
 *
 * <p>Header: magic {@code 0x504D4958} ("PMIX"), format name (1-byte length + UTF-8), version (int).
 * Footer: {@code ~magic}, algorithm id 0 (CRC32), CRC32 (long) of every byte before it. All
 * little-endian. Readers verify the checksum over the whole file first, then the header.
 *
 * <p>Thread-safety: {@link Out} and {@link In} are not thread-safe; the static methods are.
 */
final class IndexCodec {
  static final int MAGIC = 0x504D4958;
  static final int FOOTER_MAGIC = ~MAGIC;
  static final int ALGORITHM_CRC32 = 0;
  static final int FOOTER_LENGTH = 16;
  static final int ALIGNMENT = 64;

  private IndexCodec() {}

  /** Buffered little-endian writer to a temp file that {@link #commit()} renames atomically. */
  static final class Out implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();
    private long position;
    private boolean committed;

    Out(Path target, String format, int version) throws IOException {
      this.target = target.toAbsolutePath();
      Path dir = this.target.getParent();
      // Not Files.createTempFile: its 0600 permissions would survive the rename.
      this.temp =
          dir.resolve(
              "." + this.target.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".tmp");
      this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
      byte[] name = format.getBytes(StandardCharsets.UTF_8);
      writeInt(MAGIC);
      writeByte((byte) name.length);
      for (byte b : name) {
        writeByte(b);
      }
      writeInt(version);
    }

    private void ensure(int n) throws IOException {
      if (buf.remaining() < n) {
        flush();
      }
    }

    private void flush() throws IOException {
      buf.flip();
      crc.update(buf.duplicate());
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      buf.clear();
    }

    void writeByte(byte b) throws IOException {
      ensure(1);
      buf.put(b);
      position++;
    }

    void writeInt(int v) throws IOException {
      ensure(4);
      buf.putInt(v);
      position += 4;
    }

    void writeLong(long v) throws IOException {
      ensure(8);
      buf.putLong(v);
      position += 8;
    }

    void writeFloat(float v) throws IOException {
      ensure(4);
      buf.putFloat(v);
      position += 4;
    }

    void writeInts(int[] a, int from, int to) throws IOException {
      for (int i = from; i < to; i++) {
        writeInt(a[i]);
      }
    }

    void writeFloats(float[] a) throws IOException {
      for (float v : a) {
        writeFloat(v);
      }
    }

    /** Pads with zeros so the next byte starts at a multiple of {@link #ALIGNMENT}. */
    void align() throws IOException {
      while (position % ALIGNMENT != 0) {
        writeByte((byte) 0);
      }
    }

    /** Writes the footer, syncs and atomically replaces the target. */
    void commit() throws IOException {
      writeInt(FOOTER_MAGIC);
      writeInt(ALGORITHM_CRC32);
      flush();
      buf.putLong(crc.getValue());
      flush();
      channel.force(true);
      channel.close();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      committed = true;
    }

    @Override
    public void close() throws IOException {
      if (!committed) {
        channel.close();
        Files.deleteIfExists(temp);
      }
    }
  }

  /** Bounds-checked little-endian reader over a mapped, checksum-verified file. */
  static final class In {
    final Path file;
    final ByteBuffer buf;
    final int version;

    private In(Path file, ByteBuffer buf, int version) {
      this.file = file;
      this.buf = buf;
      this.version = version;
    }

    private void need(int n) throws CorruptIndexException {
      if (buf.remaining() < n) {
        throw new CorruptIndexException(
            "truncated body: need " + n + " bytes at offset " + buf.position() + ", body ends at " + buf.limit(), file);
      }
    }

    byte readByte() throws CorruptIndexException {
      need(1);
      return buf.get();
    }

    int readInt() throws CorruptIndexException {
      need(4);
      return buf.getInt();
    }

    long readLong() throws CorruptIndexException {
      need(8);
      return buf.getLong();
    }

    float readFloat() throws CorruptIndexException {
      need(4);
      return buf.getFloat();
    }

    /** Reads an int and checks it is in {@code [min, max]}. */
    int readInt(String what, int min, int max) throws CorruptIndexException {
      int v = readInt();
      if (v < min || v > max) {
        throw new CorruptIndexException(
            String.format(Locale.ROOT, "%s must be in [%d, %d], got %d at offset %d", what, min, max, v, buf.position() - 4), file);
      }
      return v;
    }

    int[] readInts(int n) throws CorruptIndexException {
      need(Math.multiplyExact(n, 4));
      int[] a = new int[n];
      buf.asIntBuffer().get(a);
      buf.position(buf.position() + 4 * n);
      return a;
    }

    float[] readFloats(int n) throws CorruptIndexException {
      need(Math.multiplyExact(n, 4));
      float[] a = new float[n];
      buf.asFloatBuffer().get(a);
      buf.position(buf.position() + 4 * n);
      return a;
    }

    void align() throws CorruptIndexException {
      int pad = (ALIGNMENT - buf.position() % ALIGNMENT) % ALIGNMENT;
      need(pad);
      buf.position(buf.position() + pad);
    }

    /** A little-endian slice of the next {@code bytes} bytes (not copied), skipping past them. */
    ByteBuffer slice(long bytes) throws CorruptIndexException {
      if (bytes > buf.remaining()) {
        throw new CorruptIndexException(
            "truncated body: need " + bytes + " bytes at offset " + buf.position() + ", body ends at " + buf.limit(), file);
      }
      ByteBuffer s = buf.slice(buf.position(), (int) bytes).order(ByteOrder.LITTLE_ENDIAN);
      buf.position(buf.position() + (int) bytes);
      return s;
    }

    /** Checks that the body was consumed exactly. */
    void expectEnd() throws CorruptIndexException {
      if (buf.hasRemaining()) {
        throw new CorruptIndexException(buf.remaining() + " unexpected bytes before the footer", file);
      }
    }
  }

  /**
   * Maps {@code file}, verifies length, footer and CRC32, then the header, and returns a reader
   * positioned at the body (its limit is the start of the footer).
   */
  static In open(Path file, String format, int minVersion, int maxVersion) throws IOException {
    byte[] name = format.getBytes(StandardCharsets.UTF_8);
    int headerLength = 4 + 1 + name.length + 4;
    MappedByteBuffer mapped;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < headerLength + FOOTER_LENGTH) {
        throw new CorruptIndexException(
            "file too short: " + size + " bytes, a '" + format + "' file has at least " + (headerLength + FOOTER_LENGTH), file);
      }
      if (size > Integer.MAX_VALUE - 8) {
        throw new CorruptIndexException("file larger than 2 GiB is not supported by format version 1: " + size + " bytes", file);
      }
      // The mapping stays valid after the channel is closed; it is released when unreachable.
      mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
    ByteBuffer buf = mapped.order(ByteOrder.LITTLE_ENDIAN);
    int size = buf.capacity();
    int footer = size - FOOTER_LENGTH;
    int footerMagic = buf.getInt(footer);
    if (footerMagic != FOOTER_MAGIC) {
      throw new CorruptIndexException(
          String.format(Locale.ROOT, "footer magic mismatch: expected 0x%08x, got 0x%08x (truncated or not an index file)", FOOTER_MAGIC, footerMagic), file);
    }
    int algorithm = buf.getInt(footer + 4);
    if (algorithm != ALGORITHM_CRC32) {
      throw new CorruptIndexException("unknown checksum algorithm id " + algorithm, file);
    }
    CRC32 crc = new CRC32();
    crc.update(buf.slice(0, size - 8));
    long stored = buf.getLong(size - 8);
    if (stored != crc.getValue()) {
      throw new CorruptIndexException(
          String.format(Locale.ROOT, "checksum mismatch: stored 0x%08x, computed 0x%08x", stored, crc.getValue()), file);
    }
    int magic = buf.getInt(0);
    if (magic != MAGIC) {
      throw new CorruptIndexException(
          String.format(Locale.ROOT, "header magic mismatch: expected 0x%08x, got 0x%08x", MAGIC, magic), file);
    }
    int nameLen = buf.get(4) & 0xFF;
    byte[] found = new byte[Math.min(nameLen, size - 5)];
    buf.get(5, found);
    String foundName = new String(found, StandardCharsets.UTF_8);
    if (!foundName.equals(format)) {
      throw new CorruptIndexException("expected format '" + format + "', found '" + foundName + "'", file);
    }
    int version = buf.getInt(5 + nameLen);
    if (version < minVersion || version > maxVersion) {
      throw new CorruptIndexException(
          "unsupported format version " + version + " of '" + format + "' (this reader supports " + minVersion + ".." + maxVersion + ")", file);
    }
    ByteBuffer body = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    body.position(headerLength).limit(footer);
    return new In(file, body, version);
  }
}
