package org.papermap.corpus;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A strict gzip decoder (RFC 1952). Unlike {@link java.util.zip.GZIPInputStream}, which stops quietly
 * at bytes that do not start another member, it rejects anything after the last member, and it names
 * what is wrong: a truncated stream, a CRC32 or length mismatch in member <i>n</i>, bad deflate data,
 * or trailing bytes at offset <i>x</i>. Concatenated members (as {@code cat a.gz b.gz} makes) are read
 * in order, as gzip(1) does.
 *
 * <p>Errors are {@link ZipException} (corrupt data) or {@link EOFException} (truncated data), whose
 * messages are complete rules; {@link LineReader} adds the file and line.
 *
 * <p>Thread-safety: not thread-safe; one instance per stream.
 */
final class GzipDecoder extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED_FLAGS = 0xE0;

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private final byte[] single = new byte[1];
  private int pos;
  private int len;
  /** Compressed bytes before {@code buf[0]}, for offsets in messages. */
  private long bufferStart;

  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private long memberBytes;
  private int member;
  private boolean inMember;
  private boolean eof;
  private boolean closed;

  GzipDecoder(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    int n = read(single, 0, 1);
    return n < 0 ? -1 : single[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int n) throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
    if (n == 0) {
      return 0;
    }
    while (!eof) {
      if (!inMember && !startMember()) {
        eof = true;
        break;
      }
      int produced = inflate(b, off, n);
      if (produced > 0) {
        crc.update(b, off, produced);
        memberBytes += produced;
        return produced;
      }
      if (inflater.finished()) {
        pos = len - inflater.getRemaining();
        readTrailer();
        inMember = false;
      } else if (inflater.needsInput()) {
        if (!fill()) {
          throw new EOFException(
              "truncated gzip data: the file ends inside member " + member + " (an incomplete download?)");
        }
        inflater.setInput(buf, pos, len - pos);
      } else if (inflater.needsDictionary()) {
        throw new ZipException("corrupt gzip data: member " + member + " asks for a preset dictionary");
      } else {
        throw new ZipException("corrupt gzip data: the decoder made no progress in member " + member);
      }
    }
    return -1;
  }

  private int inflate(byte[] b, int off, int n) throws ZipException {
    try {
      return inflater.inflate(b, off, n);
    } catch (DataFormatException e) {
      throw new ZipException(
          "corrupt gzip data: invalid deflate data in member " + member + " (" + e.getMessage() + ")");
    }
  }

  /** Reads a member header; false at the end of the input after at least one member. */
  private boolean startMember() throws IOException {
    long offset = offset();
    int id1 = readByte();
    if (id1 < 0) {
      if (member == 0) {
        throw new EOFException("truncated gzip data: no gzip header");
      }
      return false;
    }
    int id2 = readByte();
    if (id1 != 0x1F || id2 != 0x8B) {
      if (member == 0) {
        throw new ZipException("not gzip data: the file does not start with the gzip magic bytes");
      }
      throw new ZipException(
          String.format(
              Locale.ROOT,
              "unexpected data after the end of the gzip data at byte offset %d (0x%02X); a gzip file"
                  + " ends after its last member",
              offset,
              id1));
    }
    member++;
    int method = requireByte();
    if (method != 8) {
      throw new ZipException("corrupt gzip data: member " + member + " uses compression method " + method + ", not deflate (8)");
    }
    int flags = requireByte();
    if ((flags & RESERVED_FLAGS) != 0) {
      throw new ZipException("corrupt gzip data: member " + member + " sets reserved header flags");
    }
    skip(6); // modification time, extra flags, operating system
    if ((flags & FEXTRA) != 0) {
      skip(requireByte() | (requireByte() << 8));
    }
    if ((flags & FNAME) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FCOMMENT) != 0) {
      skipZeroTerminated();
    }
    if ((flags & FHCRC) != 0) {
      skip(2);
    }
    inflater.reset();
    crc.reset();
    memberBytes = 0;
    inflater.setInput(buf, pos, len - pos);
    inMember = true;
    return true;
  }

  private void readTrailer() throws IOException {
    long stored = readIntLE();
    long size = readIntLE();
    if (stored != crc.getValue()) {
      throw new ZipException(
          String.format(
              Locale.ROOT,
              "corrupt gzip data: CRC32 mismatch in member %d (stored 0x%08X, computed 0x%08X)",
              member,
              stored,
              crc.getValue()));
    }
    if (size != (memberBytes & 0xFFFFFFFFL)) {
      throw new ZipException(
          "corrupt gzip data: length mismatch in member "
              + member
              + " (stored "
              + size
              + ", decompressed "
              + (memberBytes & 0xFFFFFFFFL)
              + " mod 2^32)");
    }
  }

  private long readIntLE() throws IOException {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      int b = readByte();
      if (b < 0) {
        throw new EOFException("truncated gzip data: the trailer of member " + member + " is incomplete");
      }
      v |= (long) b << (8 * i);
    }
    return v;
  }

  private int requireByte() throws IOException {
    int b = readByte();
    if (b < 0) {
      throw new EOFException("truncated gzip data: the header of member " + member + " is incomplete");
    }
    return b;
  }

  private void skip(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      requireByte();
    }
  }

  private void skipZeroTerminated() throws IOException {
    while (requireByte() != 0) {
      // skip the file name or comment
    }
  }

  private int readByte() throws IOException {
    if (pos >= len && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xFF;
  }

  /** Refills the buffer once all of it was used; false at the end of the input. */
  private boolean fill() throws IOException {
    bufferStart += len;
    pos = 0;
    len = 0;
    int n;
    do {
      n = in.read(buf, 0, buf.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    len = n;
    return true;
  }

  private long offset() {
    return bufferStart + pos;
  }

  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      inflater.end();
      in.close();
    }
  }
}
