package org.papermap.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helpers for options written as flat string maps ({@code toMap()}/{@code fromMap()}), where a nested
 * options record is stored under a key prefix such as {@code "analyzer."}, and typed getters whose
 * messages name the key and the value.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class OptionMaps {
  private OptionMaps() {}

  /** The entries whose key starts with {@code prefix}, with the prefix removed, in the map's order. */
  public static Map<String, String> withPrefix(Map<String, String> m, String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : m.entrySet()) {
      if (e.getKey().startsWith(prefix)) {
        out.put(e.getKey().substring(prefix.length()), e.getValue());
      }
    }
    return out;
  }

  /**
   * The value of {@code key}.
   *
   * @throws IllegalArgumentException "option 'key' is missing" when absent
   */
  public static String require(Map<String, String> m, String key) {
    String v = m.get(key);
    if (v == null) {
      throw new IllegalArgumentException("option '" + key + "' is missing");
    }
    return v;
  }

  /** The integer value of {@code key}; the message names the key and the value. */
  public static int intValue(Map<String, String> m, String key) {
    String v = OptionMaps.require(m, key);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + v + "'", e);
    }
  }

  /** The long value of {@code key}; the message names the key and the value. */
  public static long longValue(Map<String, String> m, String key) {
    String v = OptionMaps.require(m, key);
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option '" + key + "' must be an integer, got '" + v + "'", e);
    }
  }

  /** The number value of {@code key}; the message names the key and the value. */
  public static double doubleValue(Map<String, String> m, String key) {
    String v = OptionMaps.require(m, key);
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option '" + key + "' must be a number, got '" + v + "'", e);
    }
  }

  /** The value of {@code key}, which must be exactly {@code true} or {@code false}. */
  public static boolean booleanValue(Map<String, String> m, String key) {
    String v = OptionMaps.require(m, key);
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException("option '" + key + "' must be true or false, got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  /** The enum constant named by {@code key}; the message lists the allowed names. */
  public static <E extends Enum<E>> E enumValue(Map<String, String> m, String key, Class<E> type) {
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
