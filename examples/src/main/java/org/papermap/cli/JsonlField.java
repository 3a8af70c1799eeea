package org.papermap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One field per id from a JSON Lines file ({@code evaluate --assignments}, {@code --truth}): every
 * non-blank line must be an object with an {@code id} (string or number) and the field (a string, a
 * number or a boolean; an integer in {@code [-1, 2^31)} when asked for a cluster). A label field that is
 * an array ({@code labels}, as {@code papermap parse} writes it) gives its first element, the primary
 * label as {@code Paper.primaryLabel()} defines it. Ids must be distinct.
 * Anything else is an error naming the file, the line and the rule: no record is dropped.
 *
 * <p>Thread-safety: stateless.
 */
final class JsonlField {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonlField() {}

  /** The value of {@code field} by id, in file order. */
  static Map<String, String> read(Path file, String field, boolean cluster) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, Integer> lines = new java.util.HashMap<>();
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw, StandardCharsets.UTF_8))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode o;
        try {
          o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw bad(file, no, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (o == null || !o.isObject()) {
          throw bad(file, no, "not a JSON object");
        }
        String id = scalar(file, no, o, "id");
        String value = cluster ? scalar(file, no, o, field) : label(file, no, o, field);
        if (cluster && !(o.get(field).canConvertToInt() && o.get(field).isIntegralNumber() && o.get(field).intValue() >= -1)) {
          throw bad(file, no, "'" + field + "' must be an integer >= -1 (-1 = noise), got " + o.get(field));
        }
        Integer previous = lines.put(id, no);
        if (previous != null) {
          throw bad(file, no, "repeats the id '" + id + "' of line " + previous + " (ids must be distinct)");
        }
        values.put(id, value);
      }
    }
    if (values.isEmpty()) {
      throw new IOException(file + ": no records");
    }
    return values;
  }

  /** A scalar, or the first element of a non-empty array of scalars. */
  private static String label(Path file, int line, JsonNode o, String key) throws IOException {
    JsonNode v = o.get(key);
    if (v != null && v.isArray()) {
      if (v.isEmpty()) {
        throw bad(file, line, "'" + key + "' is an empty array (no label)");
      }
      return value(file, line, v.get(0), key + "[0]");
    }
    return scalar(file, line, o, key);
  }

  private static String scalar(Path file, int line, JsonNode o, String key) throws IOException {
    return value(file, line, o.get(key), key);
  }

  private static String value(Path file, int line, JsonNode v, String key) throws IOException {
    if (v == null || v.isNull()) {
      throw bad(file, line, "has no '" + key + "'");
    }
    if (!v.isValueNode()) {
      throw bad(file, line, "'" + key + "' must be a string, number or boolean, got " + (v.isArray() ? "an array" : "an object"));
    }
    String s = v.asText();
    if (s.isEmpty()) {
      throw bad(file, line, "'" + key + "' is empty");
    }
    return s;
  }

  private static IOException bad(Path file, int line, String rule) {
    return new IOException(file + ": line " + line + ": " + rule);
  }
}
