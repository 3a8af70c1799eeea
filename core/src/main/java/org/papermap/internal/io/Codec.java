package org.papermap.internal.io;

import java.util.zip.CheckedOutputStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardCopyOption;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.file.AtomicMoveNotSupportedException;
import java.io.OutputStream;
import java.io.DataOutputStream;
import java.io.DataInputStream;
import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.Checksum;

/**
 * Header and footer of PaperMap's binary files, after Lucene's {@code CodecUtil}. All integers are
 * big-endian ({@link DataOutput} order).
 *
 * <pre>
 * header: int HEADER_MAGIC, int nameLength, byte[nameLength] codec name (ASCII), int version
 * footer: int FOOTER_MAGIC, int algorithmId (0 = CRC32), long checksum
 * </pre>
 *
 * The checksum covers every byte of the file before the checksum itself, footer magic and
 * algorithm id included. Readers read the whole file, call {@link #checkFooter} first (so that a
 * truncated or corrupted file is reported as such before any parsing), then {@link #checkHeader}.
 *
 * <p>Thread-safety: stateless and safe.
 */
public final class Codec {
  /** First four bytes of every PaperMap file: "PMAP". */
  public static final int HEADER_MAGIC = 0x504D4150;
  /** First four bytes of every footer. */
  public static final int FOOTER_MAGIC = ~HEADER_MAGIC;
  /** The only checksum algorithm: CRC32. */
  public static final int ALGORITHM_CRC32 = 0;
  /** Bytes in a footer. */
  public static final int FOOTER_LENGTH = 16;

  private Codec() {}

  /** Bytes in a header for a codec name of this length. */
  public static int headerLength(String codec) {
    return 12 + codec.length();
  }

  /**
   * Writes magic, codec name and version.
   *
   * @throws IllegalArgumentException if the name is empty, longer than 127 chars or not ASCII, or
   *     the version is negative
   */
  public static void writeHeader(DataOutput out, String codec, int version) throws IOException {
    Objects.requireNonNull(out, "out");
    checkName(codec);
    if (version < 0) {
      throw new IllegalArgumentException("version must be >= 0, got " + version);
    }
    out.writeInt(HEADER_MAGIC);
    byte[] name = codec.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(name.length);
    out.write(name);
    out.writeInt(version);
  }

  /**
   * Reads and checks a header.
   *
   * @return the version, in [minVersion, maxVersion]
   * @throws CorruptDataException naming {@code resource} if the magic or codec name differs or the
   *     version is too old or too new
   */
  public static int checkHeader(
      DataInput in, String codec, int minVersion, int maxVersion, String resource)
      throws IOException {
    checkName(codec);
    int magic = in.readInt();
    if (magic != HEADER_MAGIC) {
      throw new CorruptDataException(
          String.format(
              java.util.Locale.ROOT,
              "not a PaperMap file: header magic 0x%08x != 0x%08x in %s",
              magic,
              HEADER_MAGIC,
              resource));
    }
    int len = in.readInt();
    if (len < 1 || len > 127) {
      throw new CorruptDataException("codec name length " + len + " out of range in " + resource);
    }
    byte[] name = new byte[len];
    in.readFully(name);
    String actual = new String(name, StandardCharsets.US_ASCII);
    if (!actual.equals(codec)) {
      throw new CorruptDataException(
          "codec mismatch: expected '" + codec + "', found '" + actual + "' in " + resource);
    }
    int version = in.readInt();
    if (version < minVersion) {
      throw new CorruptDataException(
          "format version " + version + " of " + codec + " is too old (supported: " + minVersion
              + ".." + maxVersion + ") in " + resource);
    }
    if (version > maxVersion) {
      throw new CorruptDataException(
          "format version " + version + " of " + codec + " is too new (supported: " + minVersion
              + ".." + maxVersion + ") in " + resource);
    }
    return version;
  }

  /**
   * Writes the footer. {@code checksum} must have seen every byte written to {@code out} so far and
   * must see the footer bytes as they are written (wrap the file stream in a {@code
   * CheckedOutputStream} with no buffering between it and {@code out}).
   */
  public static void writeFooter(DataOutput out, Checksum checksum) throws IOException {
    out.writeInt(FOOTER_MAGIC);
    out.writeInt(ALGORITHM_CRC32);
    out.writeLong(checksum.getValue());
  }

  /**
   * Checks the footer of a whole file held in memory.
   *
   * @throws CorruptDataException naming {@code resource} if the file is too short, the footer magic
   *     or algorithm is wrong, or the CRC32 differs
   */
  public static void checkFooter(byte[] file, int minHeaderLength, String resource)
      throws CorruptDataException {
    if (file.length < minHeaderLength + FOOTER_LENGTH) {
      throw new CorruptDataException(
          "file too short: " + file.length + " bytes, need at least "
              + (minHeaderLength + FOOTER_LENGTH) + " (truncated?) in " + resource);
    }
    int p = file.length - FOOTER_LENGTH;
    int magic = readInt(file, p);
    if (magic != FOOTER_MAGIC) {
      throw new CorruptDataException(
          String.format(
              java.util.Locale.ROOT,
              "footer magic 0x%08x != 0x%08x (truncated or corrupted) in %s",
              magic,
              FOOTER_MAGIC,
              resource));
    }
    int algorithm = readInt(file, p + 4);
    if (algorithm != ALGORITHM_CRC32) {
      throw new CorruptDataException("unknown checksum algorithm " + algorithm + " in " + resource);
    }
    long expected = ((long) readInt(file, p + 8) << 32) | (readInt(file, p + 12) & 0xFFFFFFFFL);
    CRC32 crc = new CRC32();
    crc.update(file, 0, p + 8);
    if (crc.getValue() != expected) {
      throw new CorruptDataException(
          String.format(
              java.util.Locale.ROOT,
              "checksum failed: actual 0x%08x != expected 0x%08x in %s",
              crc.getValue(),
              expected,
              resource));
    }
  }

  private static int readInt(byte[] b, int p) {
    return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
  }

  private static void checkName(String codec) {
    Objects.requireNonNull(codec, "codec");
    if (codec.isEmpty() || codec.length() > 127) {
      throw new IllegalArgumentException("codec name length must be in [1, 127], got " + codec.length());
    }
    for (int i = 0; i < codec.length(); i++) {
      if (codec.charAt(i) < 0x20 || codec.charAt(i) > 0x7E) {
        throw new IllegalArgumentException("codec name must be printable ASCII: '" + codec + "'");
      }
    }
  }

  /** Writes the body of a file between its header and footer. */
  @FunctionalInterface
  public interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  /**
   * Writes {@code file} atomically: header, {@code body}, CRC32 footer into a temporary file in the same
   * directory, then renamed over {@code file}. On failure the target is left unchanged.
   */
  public static void writeFile(Path file, String codec, int version, Body body) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(body, "body");
    Path abs = file.toAbsolutePath();
    Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
    boolean done = false;
    try {
      try (OutputStream fos =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        CRC32 crc = new CRC32();
        // DataOutputStream does not buffer, so the CRC sees every byte before the footer's value.
        DataOutputStream out =
            new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(fos, 1 << 16), crc));
        writeHeader(out, codec, version);
        body.write(out);
        writeFooter(out, crc);
        out.flush();
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } finally {
      if (!done) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** A verified file: its version and a stream over the body (between header and footer). */
  public record Opened(int version, DataInputStream body) {}

  /**
   * Reads {@code file} whole, checks its footer (length, magic, CRC32) and then its header.
   *
   * @throws CorruptDataException naming the file if it is truncated, corrupted, of another codec or of
   *     a version outside {@code [minVersion, maxVersion]}
   */
  public static Opened readFile(Path file, String codec, int minVersion, int maxVersion)
      throws IOException {
    byte[] data = Files.readAllBytes(file);
    String resource = file.toString();
    checkFooter(data, headerLength(codec), resource);
    DataInputStream in =
        new DataInputStream(new ByteArrayInputStream(data, 0, data.length - FOOTER_LENGTH));
    int version = checkHeader(in, codec, minVersion, maxVersion, resource);
    return new Opened(version, in);
  }
}
