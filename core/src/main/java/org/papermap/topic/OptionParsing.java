package org.papermap.topic;

import java.util.Map;
import org.papermap.internal.OptionMaps;

/** Parses {@code toMap()} values with messages naming the key. Thread-safety: stateless; safe. */
final class OptionParsing {
  private OptionParsing() {}

  static int intValue(Map<String, String> m, String key) {
    String v = OptionMaps.require(m, key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + v + "'", e);
    }
  }

  static long longValue(Map<String, String> m, String key) {
    String v = OptionMaps.require(m, key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + v + "'", e);
    }
  }

  static double doubleValue(Map<String, String> m, String key) {
    String v = OptionMaps.require(m, key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option '" + key + "' must be a number, got '" + v + "'", e);
    }
  }

  static boolean booleanValue(Map<String, String> m, String key) {
    String v = OptionMaps.require(m, key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("option '" + key + "' must be true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  static <E extends Enum<E>> E enumValue(Map<String, String> m, String key, Class<E> type) {
    String v = OptionMaps.require(m, key);
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "option '" + key + "' must be one of " + java.util.Arrays.toString(type.getEnumConstants())
              + ", got '" + v + "'", e);
    }
  }
}
