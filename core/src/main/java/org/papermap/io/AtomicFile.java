package org.papermap.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file all or nothing, the one "write to a temporary file, then rename" of the library: the
 * bytes go to a hidden temporary file beside the target ({@code .NAME.PID-N.tmp}), {@link #commit}
 * syncs it and renames it over the target, and {@link #close} without a commit deletes it. A reader
 * therefore sees the old file or the new one, never half of one; a crash leaves at most a temporary
 * file, which the next write of the same target removes once its process is gone.
 *
 * <p>Only regular files are written: a target that is a folder, a FIFO, a device or a socket is
 * refused. A target that is a symbolic link is written through: the file it points to is replaced and
 * the link stays ({@link #throughSymlink()} says so). Every error names the target, never the
 * temporary file.
 *
 * <p>Thread-safety: not thread-safe; one writer per instance.
 */
public final class AtomicFile implements Closeable {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final int MAX_LINKS = 40;

  private final Path requested;
  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private long length;
  private boolean committed;
  private boolean closed;

  private AtomicFile(Path requested, Path target, Path temp, FileChannel channel) {
    this.requested = requested;
    this.target = target;
    this.temp = temp;
    this.channel = channel;
  }

  /**
   * Starts writing {@code file}.
   *
   * @throws IOException naming {@code file} if its folder is missing or not writable, or if it (or
   *     the file a symbolic link names) exists and is not a regular file
   */
  public static AtomicFile create(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    Path requested = file.toAbsolutePath();
    Path target = resolveLinks(requested);
    if (FileKinds.exists(target)) {
      String kind = FileKinds.notRegular(target);
      if (kind != null) {
        throw new IOException(
            describeTarget(requested, target) + ": is " + kind + "; only regular files are written");
      }
    }
    Path dir = target.getParent();
    if (!Files.isDirectory(dir)) {
      throw new IOException(describeTarget(requested, target) + ": folder " + dir + " does not exist");
    }
    removeStaleTemps(dir, target.getFileName().toString());
    Path temp =
        dir.resolve(
            "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + SEQUENCE.incrementAndGet() + ".tmp");
    try {
      // Not Files.createTempFile: its 0600 permissions would survive the rename.
      FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
      return new AtomicFile(requested, target, temp, ch);
    } catch (IOException e) {
      throw failure(describeTarget(requested, target), e);
    }
  }

  /** The file that {@link #commit} replaces: the requested path, or the file its symbolic link names. */
  public Path target() {
    return target;
  }

  /** Whether the requested path is a symbolic link that is written through. */
  public boolean throughSymlink() {
    return !requested.equals(target);
  }

  /** Writes all of {@code buffer}'s remaining bytes. */
  public void write(ByteBuffer buffer) throws IOException {
    try {
      while (buffer.hasRemaining()) {
        length += channel.write(buffer);
      }
    } catch (IOException e) {
      throw failure(describeTarget(requested, target), e);
    }
  }

  /** An unbuffered stream into this file (closing it does not commit). */
  public OutputStream stream() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        AtomicFile.this.write(ByteBuffer.wrap(new byte[] {(byte) b}));
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        AtomicFile.this.write(ByteBuffer.wrap(b, off, len));
      }
    };
  }

  /** Bytes written so far. */
  public long length() {
    return length;
  }

  /** Syncs the file, renames it over the target and syncs the folder. */
  public void commit() throws IOException {
    if (committed || closed) {
      throw new IllegalStateException("already " + (committed ? "committed" : "closed") + ": " + target);
    }
    String what = describeTarget(requested, target);
    try {
      channel.force(true);
      channel.close();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw failure(what, e);
    }
    committed = true;
    syncFolder(target.getParent());
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (!committed) {
      try {
        channel.close();
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Makes a folder's entries (created, renamed, deleted files) durable. Some platforms cannot open a
   * folder for syncing (Windows); there the rename is as durable as the platform makes it.
   */
  static void syncFolder(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Not supported for folders on this platform: nothing more can be done.
    }
  }

  /**
   * An exception naming {@code what} and the cause of {@code e} (a temporary file's name never
   * appears).
   */
  static IOException failure(String what, IOException e) {
    return new IOException(what + ": " + reason(e), e);
  }

  /** The cause of {@code e} in a few words, without the file names it may carry. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String describeTarget(Path requested, Path target) {
    return requested.equals(target) ? requested.toString() : requested + " (a link to " + target + ")";
  }

  /** Follows symbolic links from {@code path} to the file they name (which may not exist yet). */
  private static Path resolveLinks(Path path) throws IOException {
    Path p = path;
    for (int i = 0; i < MAX_LINKS && FileKinds.isSymbolicLink(p); i++) {
      p = p.getParent().resolve(Files.readSymbolicLink(p)).normalize();
    }
    if (FileKinds.isSymbolicLink(p)) {
      throw new IOException(path + ": more than " + MAX_LINKS + " symbolic links in a row");
    }
    return p;
  }

  /** Deletes temporary files of earlier writes of {@code name} whose process has ended. */
  private static void removeStaleTemps(Path dir, String name) {
    String prefix = "." + name + ".";
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(dir, p -> {
          String f = p.getFileName().toString();
          return f.startsWith(prefix) && f.endsWith(".tmp");
        })) {
      for (Path p : ds) {
        String f = p.getFileName().toString();
        String pidAndSeq = f.substring(prefix.length(), f.length() - 4);
        int dash = pidAndSeq.indexOf('-');
        if (dash > 0 && isDeadProcess(pidAndSeq.substring(0, dash))) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // Leftovers stay for a later write; they never hide or replace the target.
    }
  }

  private static boolean isDeadProcess(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(h -> !h.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false; // not one of ours
    }
  }
}
