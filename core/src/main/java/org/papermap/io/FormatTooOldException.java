package org.papermap.io;

import java.nio.file.Path;

/**
 * A file of a format version older than this build reads; rebuild the file with this version.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class FormatTooOldException extends FormatVersionException {
  private static final long serialVersionUID = 1L;

  public FormatTooOldException(Path file, String format, int version, int minVersion, int maxVersion) {
    super(file, format, version, minVersion, maxVersion, "too old");
  }
}
