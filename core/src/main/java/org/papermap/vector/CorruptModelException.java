package org.papermap.vector;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file that is truncated, corrupted, of another format or of an unsupported version.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class CorruptModelException extends IOException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public CorruptModelException(Path file, String message, Throwable cause) {
    super("corrupt model file " + file + ": " + message, cause);
    this.file = file;
  }

  /** The file that could not be read. */
  public Path file() {
    return file;
  }
}
