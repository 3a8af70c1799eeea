package org.papermap.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * The one header/footer codec of every PaperMap file (models, indexes, manifests, and whatever later
 * stages save), after Lucene's {@code CodecUtil}. Layout in {@code package-info.java}; in short:
 *
 * <pre>
 * header  byte[4] magic 0x89 'P' 'M' 'F', byte name length, name (ASCII), int version, 16-byte map id
 * body    whatever the format writes through {@link CodecOutput} (little-endian)
 * footer  int ~magic, int 0 (CRC32), long CRC32 of every byte before it
 * </pre>
 *
 * <p>{@link #write} writes all or nothing ({@link AtomicFile}). {@link #open} refuses anything that is
 * not a regular file before opening it (a FIFO would block), memory-maps it, checks length, footer and
 * CRC32 before it parses anything, then the header: format name, version range ({@link
 * FormatTooOldException}, {@link FormatTooNewException}). Files written by release 0.1 (two older
 * header layouts, version 1) are read too.
 *
 * <p>Usage by a stage that saves a model:
 *
 * <pre>{@code
 * static final FileFormat FORMAT = FileFormat.of("papermap.kmeans", 1);
 *
 * void save(Path file) throws IOException {
 *   Codec.write(file, FORMAT, MapId.NONE, out -> {
 *     out.writeMap(options.toMap());
 *     out.writeInt(k);
 *     out.writeFloats(centroids);
 *   });
 * }
 *
 * static KMeansResult open(Path file) throws IOException {
 *   CodecInput in = Codec.open(file, FORMAT);
 *   Options options = Options.fromMap(in.readMap());
 *   int k = in.readInt("k", 1, 1 << 20);
 *   float[] centroids = in.readFloats(k * dim);
 *   in.expectEnd();
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class Codec {
  /** The first four bytes of a file, as a little-endian int: 0x89 'P' 'M' 'F'. */
  public static final int MAGIC = 0x464D5089;
  /** The first four bytes of a footer. */
  public static final int FOOTER_MAGIC = ~MAGIC;
  /** The only checksum algorithm: CRC32. */
  public static final int ALGORITHM_CRC32 = 0;
  /** Bytes in a footer. */
  public static final int FOOTER_LENGTH = 16;
  /** The largest file a format may write: one memory mapping. */
  public static final long MAX_FILE_LENGTH = Integer.MAX_VALUE - 8;

  // Release 0.1's model header: big-endian "PMAP", int name length; and its index header:
  // little-endian 0x504D4958 ("PMIX"), byte name length.
  private static final int LEGACY_MODEL_MAGIC_LE = 0x50414D50;
  private static final int LEGACY_MODEL_MAGIC = 0x504D4150;
  private static final int LEGACY_INDEX_MAGIC = 0x504D4958;

  private Codec() {}

  /** The body of a file, between header and footer. */
  @FunctionalInterface
  public interface Body {
    void write(CodecOutput out) throws IOException;
  }

  /** What {@link #write} wrote: the file's length and the CRC32 in its footer. */
  public record Written(long length, long checksum) {}

  /**
   * Writes {@code file} all or nothing: header (format name, current version, {@code mapId}), {@code
   * body}, footer with the CRC32.
   *
   * @param mapId the map the file belongs to, {@link MapId#NONE} for a file on its own
   * @throws IOException naming {@code file} if it cannot be written (its previous content is then
   *     unchanged)
   */
  public static Written write(Path file, FileFormat format, MapId mapId, Body body) throws IOException {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(mapId, "mapId");
    Objects.requireNonNull(body, "body");
    try (AtomicFile f = AtomicFile.create(file)) {
      CodecOutput out = new CodecOutput(f);
      out.writeInt(MAGIC);
      byte[] name = format.name().getBytes(StandardCharsets.US_ASCII);
      out.writeByte((byte) name.length);
      out.writeBytes(name);
      out.writeInt(format.currentVersion());
      out.writeLong(mapId.high());
      out.writeLong(mapId.low());
      body.write(out);
      out.writeInt(FOOTER_MAGIC);
      out.writeInt(ALGORITHM_CRC32);
      out.flush();
      long crc = out.checksum();
      out.writeLong(crc);
      out.flush();
      if (out.position() > MAX_FILE_LENGTH) {
        throw new IOException(file + ": " + out.position() + " bytes, more than a PaperMap file may hold (" + MAX_FILE_LENGTH + ")");
      }
      f.commit();
      return new Written(out.position(), crc);
    }
  }

  /**
   * Opens {@code file} and verifies it: a regular file, long enough, footer magic and CRC32, then the
   * header (format name and a version in {@code [format.minVersion(), format.currentVersion()]}).
   *
   * @return a reader positioned at the body
   * @throws NoSuchFileException naming the file if it does not exist
   * @throws CorruptFileException naming the file if it is not a regular file, is truncated, damaged,
   *     of another format, or of an unsupported version (the typed subclasses)
   */
  public static CodecInput open(Path file, FileFormat format) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    String kind;
    try {
      kind = FileKinds.notRegular(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    if (kind != null) {
      throw new CorruptFileException(file, -1, "is " + kind + ", not a regular file");
    }
    ByteBuffer buf = map(file);
    long size = buf.capacity();
    if (size < 4 + FOOTER_LENGTH) {
      throw new CorruptFileException(file, -1, "file too short: " + size + " bytes (truncated?)");
    }
    int magic = buf.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    boolean legacy = magic != MAGIC;
    if (magic == LEGACY_MODEL_MAGIC_LE) {
      buf.order(ByteOrder.BIG_ENDIAN);
      magic = LEGACY_MODEL_MAGIC;
    } else if (magic != LEGACY_INDEX_MAGIC && magic != MAGIC) {
      throw new CorruptFileException(
          file, 0, String.format(Locale.ROOT, "not a PaperMap file: it starts with 0x%08x", Integer.reverseBytes(magic)));
    }
    long checksum = checkFooter(file, buf, ~magic);
    int nameLength = magic == LEGACY_MODEL_MAGIC ? buf.getInt(4) : buf.get(4) & 0xFF;
    int nameAt = magic == LEGACY_MODEL_MAGIC ? 8 : 5;
    int headerLength = nameAt + nameLength + 4 + (legacy ? 0 : 16);
    if (nameLength < 1 || nameLength > 127 || headerLength > size - FOOTER_LENGTH) {
      throw new CorruptFileException(file, 4, "format name length " + nameLength + " out of range");
    }
    byte[] name = new byte[nameLength];
    buf.get(nameAt, name);
    String found = new String(name, StandardCharsets.UTF_8);
    String expected = legacy ? format.legacyName() : format.name();
    if (!found.equals(expected)) {
      throw new CorruptFileException(
          file, nameAt, "expected format '" + format.name() + "', found '" + found + "'"
              + (legacy && expected == null ? " in a release-0.1 header" : ""));
    }
    int version = buf.getInt(nameAt + nameLength);
    if (version < format.minVersion()) {
      throw new FormatTooOldException(file, format.name(), version, format.minVersion(), format.currentVersion());
    }
    if (version > format.currentVersion()) {
      throw new FormatTooNewException(file, format.name(), version, format.minVersion(), format.currentVersion());
    }
    MapId mapId =
        legacy
            ? MapId.NONE
            : new MapId(buf.getLong(nameAt + nameLength + 4), buf.getLong(nameAt + nameLength + 12));
    ByteBuffer body = buf.duplicate().order(buf.order());
    body.position(headerLength).limit((int) size - FOOTER_LENGTH);
    return new CodecInput(file, body, version, mapId, checksum, size);
  }

  private static ByteBuffer map(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > MAX_FILE_LENGTH) {
        throw new CorruptFileException(
            file, -1, size + " bytes, more than a PaperMap file may hold (" + MAX_FILE_LENGTH + ")");
      }
      // The mapping stays valid after the channel is closed; it is released when unreachable.
      MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      return mapped;
    } catch (CorruptFileException e) {
      throw e;
    } catch (NoSuchFileException e) {
      // Removed since it was checked (a concurrent save): keep the type, MapReader retries on it.
      throw new NoSuchFileException(file.toString(), null, "no such file");
    } catch (IOException e) {
      throw AtomicFile.failure(file.toString(), e);
    }
  }

  /** Checks the footer magic, algorithm and CRC32 of the whole file; returns the CRC32. */
  private static long checkFooter(Path file, ByteBuffer buf, int footerMagic) throws CorruptFileException {
    int size = buf.capacity();
    int footer = size - FOOTER_LENGTH;
    int found = buf.getInt(footer);
    if (found != footerMagic) {
      throw new CorruptFileException(
          file, footer,
          String.format(Locale.ROOT, "footer magic mismatch: expected 0x%08x, got 0x%08x (truncated or not a PaperMap file)", footerMagic, found));
    }
    int algorithm = buf.getInt(footer + 4);
    if (algorithm != ALGORITHM_CRC32) {
      throw new CorruptFileException(file, footer + 4, "unknown checksum algorithm " + algorithm);
    }
    CRC32 crc = new CRC32();
    crc.update(buf.slice(0, size - 8));
    long stored = buf.getLong(size - 8);
    if (stored != crc.getValue()) {
      throw new CorruptFileException(
          file, size - 8,
          String.format(Locale.ROOT, "checksum mismatch: stored 0x%08x, computed 0x%08x", stored, crc.getValue()));
    }
    return stored;
  }
}
