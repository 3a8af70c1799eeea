package org.papermap.internal.io;

import java.io.IOException;

/**
 * A file or stream whose header, footer or checksum is wrong; the message names the resource.
 * Public API layers wrap it in their own typed exception (for example {@code CorruptModelException}).
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class CorruptDataException extends IOException {
  private static final long serialVersionUID = 1L;

  public CorruptDataException(String message) {
    super(message);
  }
}
