package org.papermap.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Saves a map folder as one unit. Every file of the new map goes into a new generation folder {@code
 * DIR/map-ID} (ID = the new {@link MapId}, which every file's header repeats); {@link #commit} then
 * replaces {@code DIR/papermap.manifest}, which lists every file with its length and CRC32, in one
 * atomic rename, and removes the previous generation. A crash at any point leaves the manifest naming
 * the old generation (intact) or the new one (complete and synced), and a reader follows the
 * manifest, so nobody ever sees half a map. Leftovers of a crashed save (a generation no manifest
 * names, temporary files) are removed by the next save.
 *
 * <p>A save holds an exclusive lock on {@code DIR/papermap.lock} from {@link #create} to {@link
 * #close}, so saves to one folder (from any process or thread) run one after the other; readers take
 * no lock.
 *
 * <p>{@link #create} refuses a folder that holds anything but a map (and a map of format 1).
 *
 * <p>Thread-safety: not thread-safe; one save per instance.
 */
public final class MapWriter implements Closeable {
  /** The lock file of a map folder. */
  public static final String LOCK = "papermap.lock";

  private static final System.Logger LOG = System.getLogger(MapWriter.class.getName());
  private static final Pattern GENERATION = Pattern.compile("map-[0-9a-f]{32}");
  private static final String LEGACY_MANIFEST = "papermap.properties";

  private final Path dir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final MapId mapId;
  private final Path generation;
  private final List<Manifest.Entry> files = new ArrayList<>();
  private boolean committed;
  private boolean closed;

  private MapWriter(Path dir, FileChannel lockChannel, FileLock lock, MapId mapId, Path generation) {
    this.dir = dir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.mapId = mapId;
    this.generation = generation;
  }

  /**
   * Starts a save to {@code dir} (created if absent; may hold a map, which {@link #commit} replaces).
   *
   * @throws IOException naming {@code dir} if it is not a folder, cannot be written, or holds files
   *     that are not part of a map
   */
  public static MapWriter create(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Path d = dir.toAbsolutePath().normalize();
    String what = "cannot save a map to " + d;
    if (FileKinds.exists(d) && !Files.isDirectory(d)) {
      throw new IOException(what + ": it is " + describe(d) + ", not a folder");
    }
    try {
      Files.createDirectories(d);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(what + ": it is not a folder", e);
    } catch (IOException e) {
      throw AtomicFile.failure(what, e);
    }
    checkOnlyMapFiles(d, what);
    FileChannel ch;
    try {
      ch = FileChannel.open(d.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw AtomicFile.failure(what, e);
    }
    boolean ok = false;
    try {
      FileLock lock = lock(ch, what);
      MapId id = MapId.random();
      removeUnlisted(d, null);
      Path gen = d.resolve(Manifest.generationOf(id));
      try {
        Files.createDirectory(gen);
      } catch (IOException e) {
        throw AtomicFile.failure(what, e);
      }
      ok = true;
      return new MapWriter(d, ch, lock, id, gen);
    } finally {
      if (!ok) {
        ch.close();
      }
    }
  }

  /**
   * Checks, writing nothing, that {@link #create} would accept {@code dir}: absent, an empty folder, a
   * map folder, or a crashed save's leftovers.
   *
   * @throws IOException as {@link #create} would
   */
  public static void checkTarget(Path dir) throws IOException {
    Path d = dir.toAbsolutePath().normalize();
    String what = "cannot save a map to " + d;
    if (FileKinds.exists(d) && !Files.isDirectory(d)) {
      throw new IOException(what + ": it is " + describe(d) + ", not a folder");
    }
    if (Files.isDirectory(d)) {
      checkOnlyMapFiles(d, what);
    }
  }

  /** The id of the map being written. */
  public MapId mapId() {
    return mapId;
  }

  /** Writes {@code name} in the new generation as a codec file of {@code format}. */
  public void write(String name, FileFormat format, Codec.Body body) throws IOException {
    checkName(name);
    Codec.Written w = Codec.write(generation.resolve(name), format, mapId, body);
    files.add(new Manifest.Entry(name, format.name(), format.currentVersion(), w.length(), w.checksum()));
  }

  /** The body of a plain stream file. Closing the stream it is given is allowed and does nothing. */
  @FunctionalInterface
  public interface StreamBody {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code name} in the new generation as a plain stream (for a file that other tools read, such
   * as JSON Lines); the manifest records its length and CRC32.
   */
  public void writeStream(String name, StreamBody body) throws IOException {
    checkName(name);
    try (AtomicFile f = AtomicFile.create(generation.resolve(name))) {
      CRC32 crc = new CRC32();
      OutputStream raw = f.stream();
      OutputStream out =
          new CheckedOutputStream(new java.io.BufferedOutputStream(raw, 1 << 16), crc) {
            @Override
            public void close() throws IOException {
              flush();
            }
          };
      // The CRC is taken before buffering, so flush before reading it.
      body.write(out);
      out.flush();
      f.commit();
      files.add(new Manifest.Entry(name, Manifest.STREAM, 0, f.length(), crc.getValue()));
    }
  }

  /**
   * Publishes the new map: syncs its files, replaces the manifest (listing every file written, with
   * {@code attributes}) in one atomic rename, and removes the previous generation.
   */
  public void commit(Map<String, String> attributes) throws IOException {
    Objects.requireNonNull(attributes, "attributes");
    if (committed || closed) {
      throw new IllegalStateException("save to " + dir + " already " + (committed ? "committed" : "closed"));
    }
    AtomicFile.syncFolder(generation);
    new Manifest(mapId, generation.getFileName().toString(), attributes, files).write(dir);
    committed = true;
    try {
      removeUnlisted(dir, generation.getFileName().toString());
    } catch (IOException e) {
      // The new map is published; a previous generation that cannot be removed now (a platform that
      // forbids deleting open files) is removed by the next save.
      LOG.log(System.Logger.Level.WARNING, "could not remove the previous map files in " + dir + ": " + e.getMessage());
    }
  }

  /** Removes the new generation unless committed, and releases the lock. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (!committed) {
        deleteTree(generation);
      }
    } finally {
      try {
        lock.release();
      } finally {
        lockChannel.close();
      }
    }
  }

  private void checkName(String name) {
    if (!Manifest.isPlainName(name) || name.equals(Manifest.FILE) || name.equals(LOCK)) {
      throw new IllegalArgumentException("name must be a plain file name, got '" + name + "'");
    }
    for (Manifest.Entry e : files) {
      if (e.name().equals(name)) {
        throw new IllegalArgumentException("file '" + name + "' was already written");
      }
    }
    if (committed || closed) {
      throw new IllegalStateException("save to " + dir + " already " + (committed ? "committed" : "closed"));
    }
  }

  /** Waits for the folder's lock: other processes block in the OS, other threads here in the loop. */
  private static FileLock lock(FileChannel ch, String what) throws IOException {
    while (true) {
      try {
        return ch.lock();
      } catch (OverlappingFileLockException e) {
        try {
          Thread.sleep(5); // another thread of this JVM saves to the same folder
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException(what + ": interrupted while waiting for another save to finish", ie);
        }
      } catch (IOException e) {
        throw AtomicFile.failure(what, e);
      }
    }
  }

  /** Refuses a folder holding anything but a map: a map, an empty folder or a crashed save's leftovers. */
  private static void checkOnlyMapFiles(Path dir, String what) throws IOException {
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.map(p -> p.getFileName().toString()).sorted().forEach(name -> {
        if (!isMapEntry(name)) {
          foreign.add(name);
        }
      });
    }
    if (foreign.contains(LEGACY_MANIFEST)) {
      throw new IOException(
          what + ": it holds a map of format 1 (" + LEGACY_MANIFEST + "); remove that folder or choose another one");
    }
    if (!foreign.isEmpty()) {
      throw new IOException(
          what + ": it holds files that are not part of a map (" + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
              + (foreign.size() > 5 ? ", ..." : "") + "); give a new or empty folder, or a map folder");
    }
  }

  private static boolean isMapEntry(String name) {
    return name.equals(Manifest.FILE)
        || name.equals(LOCK)
        || GENERATION.matcher(name).matches()
        || (name.startsWith("." + Manifest.FILE + ".") && name.endsWith(".tmp"));
  }

  /**
   * Deletes every generation but {@code keep} (or, when null, but the one the current manifest names)
   * and stale temporary manifests. Runs under the lock, so no other save is writing one of them.
   */
  private static void removeUnlisted(Path dir, String keep) throws IOException {
    if (keep == null && Files.exists(dir.resolve(Manifest.FILE))) {
      try {
        keep = Manifest.read(dir).generation();
      } catch (IOException e) {
        keep = null; // an unreadable manifest names nothing a reader could open
      }
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (GENERATION.matcher(name).matches() && !name.equals(keep)) {
          deleteTree(p);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String describe(Path p) throws IOException {
    String kind = FileKinds.notRegular(p);
    return kind != null ? kind : "a regular file";
  }
}
