package org.papermap.io;

import java.util.Objects;

/**
 * The identity of one kind of PaperMap file: the format name in its header and the versions this
 * build reads and writes. Declare one per persisted type, e.g. {@code static final FileFormat FORMAT =
 * FileFormat.of("papermap.kmeans", 1)}.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param name printable ASCII, 1 to 127 characters (by convention {@code papermap.<kind>})
 * @param minVersion the oldest version this build reads, {@code >= 1}
 * @param currentVersion the version this build writes, {@code >= minVersion}
 * @param legacyName the name in files of the first, pre-2 header layouts (models and indexes of release
 *     0.1), or null for formats that never had one
 */
public record FileFormat(String name, int minVersion, int currentVersion, String legacyName) {
  public FileFormat {
    checkName(name, "name");
    if (legacyName != null) {
      checkName(legacyName, "legacyName");
    }
    if (minVersion < 1 || currentVersion < minVersion) {
      throw new IllegalArgumentException(
          "versions must satisfy 1 <= minVersion <= currentVersion, got " + minVersion + " and " + currentVersion);
    }
  }

  /** A format that starts at version 1 and writes {@code currentVersion}. */
  public static FileFormat of(String name, int currentVersion) {
    return new FileFormat(name, 1, currentVersion, null);
  }

  private static void checkName(String name, String what) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty() || name.length() > 127) {
      throw new IllegalArgumentException(what + " length must be in [1, 127], got " + name.length());
    }
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) < 0x20 || name.charAt(i) > 0x7E) {
        throw new IllegalArgumentException(what + " must be printable ASCII: '" + name + "'");
      }
    }
  }
}
