package org.papermap.io;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The identity of one saved map: 128 random bits, repeated in the header of every file of the map and
 * in its manifest, so that a file copied in from another map is recognised. {@link #NONE} marks a file
 * saved on its own.
 *
 * <p>Thread-safety: immutable and safe.
 */
public record MapId(long high, long low) {
  /** The id of a file that belongs to no map. */
  public static final MapId NONE = new MapId(0, 0);

  /** A fresh random id (from {@link SecureRandom}: unique, not reproducible by design). */
  public static MapId random() {
    SecureRandom r = new SecureRandom();
    MapId id;
    do {
      id = new MapId(r.nextLong(), r.nextLong());
    } while (id.equals(NONE));
    return id;
  }

  /**
   * Parses the 32 hexadecimal digits of {@link #toString()}.
   *
   * @throws IllegalArgumentException if {@code hex} is not 32 hexadecimal digits
   */
  public static MapId parse(String hex) {
    if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException("map id must be 32 hexadecimal digits, got '" + hex + "'");
    }
    return new MapId(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32));
  }

  /** 32 lower-case hexadecimal digits. */
  @Override
  public String toString() {
    return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
  }
}
