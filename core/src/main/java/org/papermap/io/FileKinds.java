package org.papermap.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Names what kind of file a path is, so that a FIFO, a device or a folder where a regular file belongs
 * gets a message instead of a hang (opening a FIFO for reading waits for a writer) or an endless read.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class FileKinds {
  private FileKinds() {}

  /**
   * What {@code path} (links followed) is when it is not a regular file: "a folder", "a FIFO (named
   * pipe)", "a character device", "a block device", "a socket" or "not a regular file"; null for a
   * regular file.
   *
   * @throws java.nio.file.NoSuchFileException if nothing is there
   */
  static String notRegular(Path path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
    if (a.isRegularFile()) {
      return null;
    }
    if (a.isDirectory()) {
      return "a folder";
    }
    return special(path);
  }

  private static String special(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "not a regular file";
      };
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return "not a regular file"; // no unix attribute view (e.g. Windows)
    }
  }

  /** Whether {@code path} itself (not what it points to) is a symbolic link. */
  static boolean isSymbolicLink(Path path) {
    return Files.isSymbolicLink(path);
  }

  /** Whether anything, even a dangling link, is at {@code path}. */
  static boolean exists(Path path) {
    return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
  }
}
