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
 * <p>Thread-safety: not thread-safe; one instance per source.
 */
final class LineReader implements Closeable {
  /** Longest accepted line; protects against binary or newline-free input eating the heap. */
  static final int MAX_LINE_BYTES = 64 << 20;

  /** A line and its 1-based number. */
  record Line(String text, long number) {}

  /** A line that was not valid UTF-8 (lenient mode). */
  record BadLine(long number, String message) {}

  private final InputStream in;
  private final String source;
  private final boolean lenient;
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
  private final ArrayDeque<BadLine> badLines = new ArrayDeque<>();

  LineReader(InputStream in, String source, boolean lenient) {
    this.in = in;
    this.source = source;
    this.lenient = lenient;
  }

  String source() {
    return source;
  }

  /** The next line, or null at the end of input. */
  String next() throws IOException {
    Line l = pending.isEmpty() ? readLine() : pending.removeFirst();
    if (l == null) {
      return null;
    }
    lineNumber = l.number();
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
    return new Line(decode(off, len, number), number);
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
      // GZIPInputStream reports corrupt or truncated data this way; name the place.
      throw new CorpusFormatException(
          source, physicalLines + 1, "corrupt or truncated gzip data: " + e.getMessage(), e);
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
    if (needed > MAX_LINE_BYTES) {
      throw new CorpusFormatException(
          source, physicalLines + 1, "line longer than " + MAX_LINE_BYTES + " bytes (binary input?)");
    }
    if (needed > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(needed, Math.min(MAX_LINE_BYTES, line.length * 2)));
    }
    System.arraycopy(buf, from, line, lineLen, count);
    lineLen = needed;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
