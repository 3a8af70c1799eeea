package org.papermap.io;

import java.nio.file.Path;

/**
 * A file of a format version newer than this build reads; read it with a newer PaperMap.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class FormatTooNewException extends FormatVersionException {
  private static final long serialVersionUID = 1L;

  public FormatTooNewException(Path file, String format, int version, int minVersion, int maxVersion) {
    super(file, format, version, minVersion, maxVersion, "too new");
  }
}
