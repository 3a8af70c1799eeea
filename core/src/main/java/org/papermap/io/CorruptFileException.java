package org.papermap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file that PaperMap wrote, or should have written, cannot be used: truncated, damaged (checksum),
 * of another format, of an unsupported version ({@code FormatTooOldException}, {@code
 * FormatTooNewException}), from another map ({@code ForeignFileException}), or not a regular file. The
 * one exception family of every PaperMap file format, as Lucene's {@code CorruptIndexException}.
 *
 * <p>The message reads {@code "FILE: RULE"}, plus {@code " (at byte N)"} when the offset is known.
 *
 * <p>Thread-safety: immutable and safe.
 */
public class CorruptFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long offset;
  private final String rule;

  /**
   * @param file the offending file
   * @param offset the byte offset where the problem was found, or -1 when unknown
   * @param rule what is wrong, e.g. "checksum mismatch: stored 0x..., computed 0x..."
   */
  public CorruptFileException(Path file, long offset, String rule) {
    this(file, offset, rule, null);
  }

  public CorruptFileException(Path file, long offset, String rule, Throwable cause) {
    super(message(file, offset, rule), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.offset = offset;
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  private static String message(Path file, long offset, String rule) {
    return file + ": " + rule + (offset >= 0 ? " (at byte " + offset + ")" : "");
  }

  /** The offending file. */
  public Path file() {
    return file;
  }

  /** The byte offset where the problem was found, or -1 when unknown. */
  public long offset() {
    return offset;
  }

  /** What is wrong with the file. */
  public String rule() {
    return rule;
  }
}
