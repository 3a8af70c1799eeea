package org.papermap.io;

import java.nio.file.Path;

/**
 * A file of a format version older than this build reads; rebuild the file with this version.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class FormatTooOldException extends CorruptFileException {
  private static final long serialVersionUID = 1L;

  private final int version;
  private final int minVersion;
  private final int maxVersion;

  public FormatTooOldException(Path file, String format, int version, int minVersion, int maxVersion) {
    super(
        file,
        -1,
        "format '" + format + "' version " + version + " is too old (this build reads versions "
            + minVersion + " to " + maxVersion + "); rebuild it with this version of PaperMap");
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
