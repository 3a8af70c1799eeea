package org.papermap.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helpers for options written as flat string maps ({@code toMap()}/{@code fromMap()}), where a nested
 * options record is stored under a key prefix such as {@code "analyzer."}.
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
}
