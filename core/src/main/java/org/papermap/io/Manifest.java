package org.papermap.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The table of contents of a map folder ({@code papermap.manifest}): the map id, the folder that holds
 * this generation's files, the map's attributes (its options) and every file with its format, length
 * and CRC32. It is the one file a save replaces in place (atomically), so it decides which generation
 * a reader sees.
 *
 * <p>Thread-safety: immutable and safe.
 */
record Manifest(MapId mapId, String generation, Map<String, String> attributes, List<Entry> files) {
  static final String FILE = "papermap.manifest";
  static final FileFormat FORMAT = FileFormat.of("papermap.manifest", 1);
  /** The format recorded for files that are not codec files (plain streams such as JSON Lines). */
  static final String STREAM = "stream";

  /**
   * One file of the map.
   *
   * @param format the codec format name, or {@link #STREAM}
   * @param version the format version, 0 for a stream
   * @param checksum the CRC32 in the file's footer, or of a stream's bytes
   */
  record Entry(String name, String format, int version, long length, long checksum) {}

  Manifest {
    Objects.requireNonNull(mapId, "mapId");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    files = List.copyOf(files);
  }

  /** The generation folder of a map id. */
  static String generationOf(MapId id) {
    return "map-" + id;
  }

  /** Whether {@code name} is a plain file name: no folder part, no ".", "..", no control characters. */
  static boolean isPlainName(String name) {
    if (name.isEmpty() || name.length() > 255 || name.equals(".") || name.equals("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == '/' || c == '\\' || c == ':') {
        return false;
      }
    }
    return true;
  }

  /** The entry of {@code name}, or null. */
  Entry entry(String name) {
    for (Entry e : files) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** Writes {@code dir/papermap.manifest} all or nothing. */
  void write(Path dir) throws IOException {
    Codec.write(
        dir.resolve(FILE),
        FORMAT,
        mapId,
        out -> {
          out.writeString(generation);
          out.writeMap(attributes);
          out.writeInt(files.size());
          for (Entry e : files) {
            out.writeString(e.name());
            out.writeString(e.format());
            out.writeInt(e.version());
            out.writeLong(e.length());
            out.writeLong(e.checksum());
          }
        });
  }

  /** Reads and checks {@code dir/papermap.manifest}. */
  static Manifest read(Path dir) throws IOException {
    CodecInput in = Codec.open(dir.resolve(FILE), FORMAT);
    if (in.mapId().equals(MapId.NONE)) {
      throw in.corrupt("a manifest must carry a map id");
    }
    String generation = in.readString(256);
    if (!generation.equals(generationOf(in.mapId()))) {
      throw in.corrupt("generation '" + generation + "' does not match map id " + in.mapId());
    }
    Map<String, String> attributes = in.readMap();
    int n = in.readInt("file count", 0, 10_000);
    List<Entry> files = new ArrayList<>(n);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      String name = in.readString(255);
      if (!isPlainName(name) || !seen.add(name)) {
        throw in.corrupt("bad or repeated file name '" + name + "'");
      }
      String format = in.readString(127);
      int version = in.readInt("format version", 0, Integer.MAX_VALUE);
      long length = in.readLong();
      long checksum = in.readLong();
      if (length < 0 || checksum < 0 || checksum > 0xFFFFFFFFL) {
        throw in.corrupt("bad length or checksum of '" + name + "'");
      }
      files.add(new Entry(name, format, version, length, checksum));
    }
    in.expectEnd();
    return new Manifest(in.mapId(), generation, attributes, files);
  }
}
