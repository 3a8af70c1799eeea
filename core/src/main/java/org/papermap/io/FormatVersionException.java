package org.papermap.io;

import java.nio.file.Path;

/**
 * A file of a format version this build does not read: {@code FormatTooOldException} or {@code
 * FormatTooNewException}. Carries the version found and the range this build reads.
 *
 * <p>Thread-safety: immutable and safe.
 */
public abstract class FormatVersionException extends CorruptFileException {
  private static final long serialVersionUID = 1L;

  private final int version;
  private final int minVersion;
  private final int maxVersion;

  FormatVersionException(Path file, String format, int version, int minVersion, int maxVersion, String verdict) {
    super(
        file,
        -1,
        "format '" + format + "' version " + version + " is " + verdict + " (this build reads versions "
            + minVersion + " to " + maxVersion + ")" + (verdict.equals("too old") ? "; rebuild it with this version of PaperMap" : ""));
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
