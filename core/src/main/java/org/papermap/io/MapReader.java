package org.papermap.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * Opens a map folder written by {@link MapWriter}: reads the manifest, then hands out each file only
 * after checking it against the manifest: listed, a regular file, of the listed length, of the
 * expected format, carrying this map's id, and with the listed CRC32 (a codec file's footer CRC is
 * verified over its whole content; a stream's CRC when it has been read, before its content is used).
 * A file from another map or changed after the save is a {@link ForeignFileException}; a damaged one
 * a {@link CorruptFileException}.
 *
 * <p>A save that replaces the map while it is being opened can remove the files the old manifest
 * names; {@link #read} then starts over from the new manifest, so the caller gets the old map or the
 * new one.
 *
 * <p>Thread-safety: a reader is used by one thread during {@link #read}.
 */
public final class MapReader {
  // A reader starts over only when a save replaced the map under it; a writer saving in a loop on a
  // loaded machine won 8 races in a row against readers of a map with LSA files (MapFolderCrashTest).
  private static final int MAX_ATTEMPTS = 64;
  private static final String LEGACY_MANIFEST = "papermap.properties";

  private final Path dir;
  private final Manifest manifest;
  private final Path generation;

  private MapReader(Path dir, Manifest manifest) {
    this.dir = dir;
    this.manifest = manifest;
    this.generation = dir.resolve(manifest.generation());
  }

  /** What to do with an opened map. */
  @FunctionalInterface
  public interface Body<T> {
    T read(MapReader map) throws IOException;
  }

  /** Reads one stream file. */
  @FunctionalInterface
  public interface StreamBody<T> {
    T read(InputStream in) throws IOException;
  }

  /** Whether {@code dir} holds a map (a manifest), of this format or of format 1. */
  public static boolean isMap(Path dir) {
    return Files.exists(dir.resolve(Manifest.FILE)) || Files.exists(dir.resolve(LEGACY_MANIFEST));
  }

  /**
   * Opens the map in {@code dir} and runs {@code body} on it; starts over when a concurrent save
   * replaced the map meanwhile.
   *
   * @throws IOException naming the folder or file: no such folder, not a map, a map of format 1, or
   *     a file that fails its checks
   */
  public static <T> T read(Path dir, Body<T> body) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(body, "body");
    Path d = dir.toAbsolutePath().normalize();
    for (int attempt = 1; ; attempt++) {
      MapReader reader = new MapReader(d, manifest(d));
      try {
        return body.read(reader);
      } catch (NoSuchFileException e) {
        if (attempt < MAX_ATTEMPTS && reader.replaced()) {
          continue; // a save replaced the map after we read its manifest
        }
        Path missing = e.getFile() != null ? Path.of(e.getFile()) : d;
        throw new CorruptFileException(missing, -1, "missing, but the manifest lists it", e);
      }
    }
  }

  private static Manifest manifest(Path d) throws IOException {
    if (!Files.isDirectory(d)) {
      if (Files.exists(d)) {
        throw new IOException(d + ": not a folder, so not a map");
      }
      throw new NoSuchFileException(d.toString(), null, "no such map folder");
    }
    if (!Files.exists(d.resolve(Manifest.FILE))) {
      if (Files.exists(d.resolve(LEGACY_MANIFEST))) {
        throw new FormatTooOldException(d.resolve(LEGACY_MANIFEST), "papermap-map", 1, 2, 2);
      }
      throw new IOException(d + ": not a PaperMap map folder (no " + Manifest.FILE + ")");
    }
    return Manifest.read(d);
  }

  private boolean replaced() {
    try {
      return !Manifest.read(dir).mapId().equals(manifest.mapId());
    } catch (IOException e) {
      return false;
    }
  }

  /** The map folder. */
  public Path dir() {
    return dir;
  }

  /** The id of the map. */
  public MapId mapId() {
    return manifest.mapId();
  }

  /** The attributes saved with the map (its options). */
  public Map<String, String> attributes() {
    return manifest.attributes();
  }

  /** Where the file {@code name} of this map lives (for messages). */
  public Path path(String name) {
    return generation.resolve(name);
  }

  /** The manifest file (for messages about the map as a whole). */
  public Path manifestPath() {
    return dir.resolve(Manifest.FILE);
  }

  /** Whether the map has a file {@code name} (optional parts). */
  public boolean has(String name) {
    return manifest.entry(name) != null;
  }

  /**
   * Opens the codec file {@code name} after checking it against the manifest.
   *
   * @throws CorruptFileException (or a subclass) naming the file
   * @throws NoSuchFileException when the file is gone (handled by {@link #read})
   */
  public CodecInput open(String name, FileFormat format) throws IOException {
    Manifest.Entry e = entry(name);
    Path file = checkedFile(e);
    if (!e.format().equals(format.name())) {
      throw new CorruptFileException(file, -1, "the manifest lists it as '" + e.format() + "', expected '" + format.name() + "'");
    }
    CodecInput in = Codec.open(file, format);
    if (!in.mapId().equals(manifest.mapId())) {
      throw new ForeignFileException(file, "belongs to map " + in.mapId() + ", not to this map " + manifest.mapId());
    }
    if (in.checksum() != e.checksum() || in.version() != e.version()) {
      throw new ForeignFileException(file, "differs from the file the manifest lists (checksum or version): replaced after the save?");
    }
    return in;
  }

  /**
   * Reads the stream file {@code name} with {@code body}, then checks its length and CRC32 against the
   * manifest before returning what {@code body} made of it. When {@code body} fails on a file whose
   * checksum is also wrong, the checksum error is thrown, with {@code body}'s error attached.
   */
  public <T> T readStream(String name, StreamBody<T> body) throws IOException {
    Manifest.Entry e = entry(name);
    Path file = checkedFile(e);
    CRC32 crc = new CRC32();
    long[] count = new long[1];
    T result;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = new CountingCrcStream(new BufferedInputStream(raw, 1 << 16), crc, count)) {
      try {
        result = body.read(in);
      } catch (IOException | RuntimeException failure) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
        CorruptFileException c = mismatch(file, e, count[0], crc.getValue());
        if (c != null) {
          c.addSuppressed(failure);
          throw c;
        }
        throw failure;
      }
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    CorruptFileException c = mismatch(file, e, count[0], crc.getValue());
    if (c != null) {
      throw c;
    }
    return result;
  }

  private static CorruptFileException mismatch(Path file, Manifest.Entry e, long length, long crc) {
    if (length != e.length() || crc != e.checksum()) {
      return new ForeignFileException(
          file, "differs from the file the manifest lists (" + length + " bytes, checksum " + Long.toHexString(crc)
              + "; listed: " + e.length() + " bytes, checksum " + Long.toHexString(e.checksum()) + ")");
    }
    return null;
  }

  private Manifest.Entry entry(String name) throws CorruptFileException {
    Manifest.Entry e = manifest.entry(name);
    if (e == null) {
      throw new CorruptFileException(dir.resolve(Manifest.FILE), -1, "lists no file '" + name + "'");
    }
    return e;
  }

  /** The file of {@code e}: a regular file (a FIFO would block) of the listed length. */
  private Path checkedFile(Manifest.Entry e) throws IOException {
    Path file = generation.resolve(e.name());
    String kind = FileKinds.notRegular(file);
    if (kind != null) {
      throw new CorruptFileException(file, -1, "is " + kind + ", not a regular file");
    }
    long size = Files.size(file);
    if (size != e.length()) {
      throw new ForeignFileException(
          file, "is " + size + " bytes, the manifest lists " + e.length() + " (truncated or replaced?)");
    }
    return file;
  }

  /** Counts the bytes read and updates a CRC32 with them. */
  private static final class CountingCrcStream extends FilterInputStream {
    private final CRC32 crc;
    private final long[] count;

    CountingCrcStream(InputStream in, CRC32 crc, long[] count) {
      super(in);
      this.crc = crc;
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        crc.update(b);
        count[0]++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n > 0) {
        crc.update(b, off, n);
        count[0] += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Every byte must pass through the checksum: read what is skipped.
      byte[] b = new byte[(int) Math.min(8192, Math.max(0, n))];
      long skipped = 0;
      while (skipped < n) {
        int r = read(b, 0, (int) Math.min(b.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    @Override
    public void close() {
      // The file is closed by readStream, after the rest has been checksummed.
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
