package org.papermap.io;

import java.nio.file.Path;

/**
 * A file inside a map folder that does not belong to that map: another map's file copied in, or a
 * file replaced after the map was saved (its map id, length or checksum differs from the manifest).
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class ForeignFileException extends CorruptFileException {
  private static final long serialVersionUID = 1L;

  public ForeignFileException(Path file, String rule) {
    super(file, -1, rule);
  }
}
