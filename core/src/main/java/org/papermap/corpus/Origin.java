package org.papermap.corpus;

import java.util.Objects;

/**
 * Where a record came from: the source file (as given to the reader) and the 1-based line where the
 * record starts. Used only to name the input in error messages.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param file the source name, never blank
 * @param line the 1-based line number, or 0 when the source has no lines
 */
public record Origin(String file, long line) {
  public Origin {
    Objects.requireNonNull(file, "file");
    if (file.isBlank()) {
      throw new IllegalArgumentException("file must not be blank");
    }
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, got " + line);
    }
  }

  /** {@code file:line}, the form error messages use. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file;
  }
}
