package org.papermap.io;

import java.nio.file.Path;

/**
 * A file of a format version newer than this build reads; read it with a newer PaperMap.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class FormatTooNewException extends CorruptFileException {
  private static final long serialVersionUID = 1L;

  private final int version;
  private final int minVersion;
  private final int maxVersion;

  public FormatTooNewException(Path file, String format, int version, int minVersion, int maxVersion) {
    super(
        file,
        -1,
        "format '" + format + "' version " + version + " is too new (this build reads versions "
            + minVersion + " to " + maxVersion + ")");
    this.version = version;
    this.minVersion = minVersion;
    this.maxVersion = maxVersion;
  }

  /** The version found in the file. */
  public int version() {
    return version;
  }

  /** The oldest version this build reads. */
  public int minVersion() {
    return minVersion;
  }

  /** The newest version this build reads. */
  public int maxVersion() {
    return maxVersion;
  }
}
