package org.papermap.index.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index file is truncated, damaged, of another format or of an unsupported version. The message
 * names the file and what was wrong.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class CorruptIndexException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public CorruptIndexException(String message, Path file) {
    super(message + " (file=" + file + ")");
    this.file = file;
  }

  public CorruptIndexException(String message, Path file, Throwable cause) {
    super(message + " (file=" + file + ")", cause);
    this.file = file;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }
}
