package org.papermap.corpus;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;

/**
 * Splits a byte stream into lines and decodes each one as strict UTF-8, so that an encoding error
 * names its exact line. Lines end at '\n' (a trailing '\r' is dropped); a UTF-8 byte order mark at the
 * start is skipped. Splitting on the byte 0x0A before decoding is safe because UTF-8 never uses that
 * byte inside a multi-byte sequence; it also keeps the line count exact, which a {@code
 * BufferedReader} over a decoder cannot do (it decodes ahead of the consumer).
 *
 * <p>In strict mode invalid UTF-8 throws {@link CorpusFormatException}. In lenient mode the line is
 * decoded with U+FFFD replacements and remembered; readers ask {@link #takeBadLines(long)} after each
 * record and skip records that contain such a line.
 *
 * <p><b>Size limit.</b> No line, and no record of several lines, may be longer than {@code maxBytes}:
 * readers of multi-line records call {@link #markRecord} where a record starts, and a record that
 * grows past the limit (an unclosed CSV quote, a listing without separators) fails fast with the
 * line where it started instead of filling the heap. Lines read ahead for format detection count
 * too.
 *
 * <p>Thread-safety: not thread-safe; one instance per source.
 */
final class LineReader implements Closeable {
  /** The default limit: longest accepted line or record, in bytes. */
  static final int DEFAULT_MAX_BYTES = 64 << 20;

  /** A line, its 1-based number and its length in bytes (without the line break). */
  record Line(String text, long number, int bytes) {}

  /** A line that was not valid UTF-8 (lenient mode). */
  record BadLine(long number, String message) {}

  private final InputStream in;
  private final String source;
  private final boolean lenient;
  private final int maxBytes;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private byte[] line = new byte[1024];
  private int lineLen;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private CharBuffer chars = CharBuffer.allocate(1024);
  private long physicalLines;
  private long lineNumber;
  private final ArrayDeque<Line> pending = new ArrayDeque<>();
  private long pendingBytes;
  private final ArrayDeque<BadLine> badLines = new ArrayDeque<>();
  /** First line of the current record; 0: the next line consumed; -1: no record tracking. */
  private long recordStart = -1;
  private long recordBytes;
  private String recordHint = "";

  LineReader(InputStream in, String source, boolean lenient) {
    this(in, source, lenient, DEFAULT_MAX_BYTES);
  }

  /**
   * @param maxBytes the longest accepted line or record in bytes, at least 1
   */
  LineReader(InputStream in, String source, boolean lenient, int maxBytes) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
    }
    this.in = in;
    this.source = source;
    this.lenient = lenient;
    this.maxBytes = maxBytes;
  }

  /** The longest accepted line or record, in bytes. */
  int maxBytes() {
    return maxBytes;
  }

  /**
   * A record starts with the next line consumed: from here on, the bytes consumed count against the
   * size limit.
   */
  void markRecord() {
    recordStart = 0;
    recordBytes = 0;
  }

  /**
   * A record started at line {@code startLine}, which may already have been consumed (a parser that
   * reads ahead); the bytes consumed from here on count against the size limit.
   */
  void markRecord(long startLine) {
    recordStart = startLine;
    recordBytes = 0;
  }

  /** What a too-long record probably means in this format, appended to the limit message. */
  void recordHint(String hint) {
    recordHint = hint == null || hint.isEmpty() ? "" : " (" + hint + ")";
  }

  String source() {
    return source;
  }

  /** The next line, or null at the end of input. */
  String next() throws IOException {
    Line l;
    if (pending.isEmpty()) {
      l = readLine();
    } else {
      l = pending.removeFirst();
      pendingBytes -= l.bytes();
    }
    if (l == null) {
      return null;
    }
    lineNumber = l.number();
    if (recordStart >= 0) {
      if (recordStart == 0) {
        recordStart = l.number();
      }
      recordBytes += l.bytes() + 1L;
      if (recordBytes > maxBytes) {
        throw new CorpusFormatException(
            source,
            recordStart,
            "record starting here passes the size limit of "
                + maxBytes
                + " bytes (maxRecordBytes) at line "
                + l.number()
                + recordHint);
      }
    }
    return l.text();
  }

  /** The 1-based number of the line last returned by {@link #next()} (0 before the first). */
  long lineNumber() {
    return lineNumber;
  }

  /** The next line without consuming it, or null at the end of input. */
  String peek() throws IOException {
    List<Line> ahead = lookAhead(1);
    return ahead.isEmpty() ? null : ahead.get(0).text();
  }

  /**
   * Up to {@code max} lines ahead of the current position, without consuming them (fewer at the end
   * of input).
   */
  List<Line> lookAhead(int max) throws IOException {
    while (pending.size() < max) {
      Line l = readLine();
      if (l == null) {
        break;
      }
      pending.addLast(l);
      pendingBytes += l.bytes() + 1L;
      if (pendingBytes > maxBytes) {
        throw new CorpusFormatException(
            source,
            pending.peekFirst().number(),
            "more than "
                + maxBytes
                + " bytes in the "
                + pending.size()
                + " lines read ahead to recognize the format, the limit (maxRecordBytes; binary input?)");
      }
    }
    List<Line> out = new ArrayList<>(Math.min(max, pending.size()));
    for (Line l : pending) {
      if (out.size() == max) {
        break;
      }
      out.add(l);
    }
    return out;
  }

  /** The first line ahead that is not blank, without consuming anything; null if there is none. */
  Line firstNonBlank() throws IOException {
    for (int ahead = 16; ; ahead *= 2) {
      List<Line> peek = lookAhead(ahead);
      for (Line l : peek) {
        if (!l.text().isBlank()) {
          return l;
        }
      }
      if (peek.size() < ahead) {
        return null;
      }
    }
  }

  /** Removes and returns the remembered invalid-UTF-8 lines numbered up to {@code upTo}. */
  List<BadLine> takeBadLines(long upTo) {
    if (badLines.isEmpty() || badLines.peekFirst().number() > upTo) {
      return List.of();
    }
    List<BadLine> out = new ArrayList<>(1);
    while (!badLines.isEmpty() && badLines.peekFirst().number() <= upTo) {
      out.add(badLines.removeFirst());
    }
    return out;
  }

  private Line readLine() throws IOException {
    if (!readLineBytes()) {
      return null;
    }
    long number = ++physicalLines;
    int off = 0;
    int len = lineLen;
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    if (number == 1
        && len >= 3
        && line[0] == (byte) 0xEF
        && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF) {
      off = 3;
      len -= 3;
    }
    return new Line(decode(off, len, number), number, lineLen);
  }

  private String decode(int off, int len, long number) throws CorpusFormatException {
    if (isAscii(off, len)) {
      // Most lines are ASCII; this skips the decoder and a copy.
      return new String(line, off, len, StandardCharsets.ISO_8859_1);
    }
    if (chars.capacity() < len) {
      chars = CharBuffer.allocate(Math.max(len, chars.capacity() * 2));
    }
    chars.clear();
    decoder.reset();
    ByteBuffer bytes = ByteBuffer.wrap(line, off, len);
    CoderResult r = decoder.decode(bytes, chars, true);
    if (!r.isError()) {
      r = decoder.flush(chars);
    }
    if (r.isError()) {
      int at = bytes.position() - off;
      String message =
          String.format(
              Locale.ROOT,
              "invalid UTF-8: malformed byte sequence at byte %d of the line (0x%02X)",
              at + 1,
              line[off + at] & 0xFF);
      if (!lenient) {
        throw new CorpusFormatException(source, number, message);
      }
      badLines.addLast(new BadLine(number, message));
      return new String(line, off, len, StandardCharsets.UTF_8);
    }
    chars.flip();
    return chars.toString();
  }

  private boolean isAscii(int off, int len) {
    byte[] b = line;
    for (int i = off, end = off + len; i < end; i++) {
      if (b[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Reads the next line's bytes (without '\n') into {@code line}; false at the end of input. */
  private boolean readLineBytes() throws IOException {
    lineLen = 0;
    boolean any = false;
    while (true) {
      if (pos >= limit) {
        int n = fill();
        if (n < 0) {
          return any;
        }
      }
      any = true;
      int start = pos;
      int i = start;
      byte[] b = buf;
      int lim = limit;
      while (i < lim && b[i] != '\n') {
        i++;
      }
      append(start, i - start);
      if (i < lim) {
        pos = i + 1;
        return true;
      }
      pos = lim;
    }
  }

  private int fill() throws IOException {
    int n;
    try {
      n = in.read(buf, 0, buf.length);
    } catch (ZipException | EOFException e) {
      // GzipDecoder's messages are complete rules; name the line being read when it failed.
      throw new CorpusFormatException(source, physicalLines + 1, e.getMessage(), e);
    }
    pos = 0;
    limit = Math.max(n, 0);
    return n;
  }

  private void append(int from, int count) throws CorpusFormatException {
    if (count == 0) {
      return;
    }
    int needed = lineLen + count;
    if (needed > maxBytes) {
      throw new CorpusFormatException(
          source,
          physicalLines + 1,
          "line longer than " + maxBytes + " bytes, the limit (maxRecordBytes; binary input?)");
    }
    if (needed > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(needed, Math.min(maxBytes, line.length * 2)));
    }
    System.arraycopy(buf, from, line, lineLen, count);
    lineLen = needed;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
