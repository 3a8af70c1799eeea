package org.papermap.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the paths given to {@link CorpusReader} into files to read, and opens them, so that every
 * problem names the path and its cause: a missing path, a permission denied, a named pipe, a device
 * or a socket (never opened: opening a pipe with no writer would block for ever), a folder with no
 * supported file.
 *
 * <p>A folder stands for the regular files directly inside it whose extension is supported (see
 * {@link #SUPPORTED}, with or without {@code .gz}; not {@code .md}), in name order (by UTF-16 code units, the same on
 * every platform). Hidden entries (starting with '.'), subfolders, other extensions and non-regular
 * files are not read; they are listed in {@link ReadReport#filesIgnored()}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class InputFiles {
  /**
   * Extensions a folder's files are read for; the rest of a folder is ignored. {@code .md} is left
   * out: in a folder it is nearly always documentation (README.md, NOTICE.md); name a Markdown
   * listing explicitly to read it.
   */
  static final Set<String> SUPPORTED = Set.of("jsonl", "ndjson", "json", "csv", "tsv", "txt", "bib", "ris");

  private InputFiles() {}

  /** One file to read, or a problem that stops it before any byte is read. */
  record Source(Path path, CorpusFormatException problem) {}

  /**
   * The files to read for {@code paths}, in order; folders expanded. Problems are returned as
   * sources with a {@link Source#problem()} so that lenient mode can report them and go on; ignored
   * folder entries go to {@code ignored}.
   */
  static List<Source> expand(List<Path> paths, List<String> ignored) {
    List<Source> out = new ArrayList<>();
    for (Path path : paths) {
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(path, BasicFileAttributes.class);
      } catch (IOException e) {
        out.add(new Source(path, problem(path, e)));
        continue;
      }
      if (attrs.isDirectory()) {
        expandFolder(path, out, ignored);
      } else if (attrs.isRegularFile()) {
        out.add(new Source(path, null));
      } else {
        out.add(new Source(path, new CorpusFormatException(path.toString(), 0, notRegular(path))));
      }
    }
    return out;
  }

  private static void expandFolder(Path folder, List<Source> out, List<String> ignored) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
      for (Path p : dir) {
        entries.add(p);
      }
    } catch (IOException e) {
      out.add(new Source(folder, problem(folder, e)));
      return;
    }
    entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    int read = 0;
    for (Path p : entries) {
      String name = p.getFileName().toString();
      if (!name.startsWith(".") && Files.isRegularFile(p) && isSupported(name)) {
        out.add(new Source(p, null));
        read++;
      } else {
        ignored.add(p.toString());
      }
    }
    if (read == 0) {
      out.add(
          new Source(
              folder,
              new CorpusFormatException(
                  folder.toString(),
                  0,
                  "folder has no file to read (supported extensions: "
                      + String.join(", ", sorted(SUPPORTED))
                      + ", each optionally .gz; hidden files and subfolders are not read)")));
    }
  }

  /** Whether a folder entry with this name is read: a supported extension, before an optional .gz. */
  static boolean isSupported(String fileName) {
    String ext = SourceName.of(fileName).formatExtension();
    return SUPPORTED.contains(ext);
  }

  /**
   * Opens a regular file found by {@link #expand}.
   *
   * @throws CorpusFormatException naming the path and the cause when it cannot be opened
   */
  static InputStream open(Path path) throws CorpusFormatException {
    try {
      // Checked again: the path may have been replaced since it was listed, and a pipe must not be
      // opened.
      if (!Files.isRegularFile(path)) {
        throw new CorpusFormatException(path.toString(), 0, notRegular(path));
      }
      return Files.newInputStream(path);
    } catch (CorpusFormatException e) {
      throw e;
    } catch (IOException e) {
      throw problem(path, e);
    }
  }

  /** The size of a file, or -1 when it cannot be known. */
  static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }

  static CorpusFormatException problem(Path path, IOException e) {
    String cause;
    if (e instanceof NoSuchFileException) {
      Path file = fileOnTheWay(path);
      cause = file == null ? "no such file or folder" : "no such file or folder: " + file + " is a file, not a folder";
    } else if (e instanceof AccessDeniedException) {
      cause = "cannot be read: permission denied";
    } else if (e instanceof NotDirectoryException) {
      cause = "a path component is not a folder";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      cause = "cannot be read: " + f.getReason();
    } else {
      cause = "cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
    return new CorpusFormatException(path.toString(), 0, cause, e);
  }

  /** The nearest existing ancestor of a missing path, when it is a file (so nothing below it can exist). */
  private static Path fileOnTheWay(Path path) {
    for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        return Files.isDirectory(p) ? null : p;
      }
    }
    return null;
  }

  /** Why a path that exists is not read: what it is, named as {@code ls -l} would. */
  private static String notRegular(Path path) {
    String kind = "not a regular file";
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      if (mode instanceof Integer m) {
        kind =
            switch (m & 0170000) {
              case 0010000 -> "a named pipe (FIFO)";
              case 0020000 -> "a character device";
              case 0060000 -> "a block device";
              case 0140000 -> "a socket";
              case 0040000 -> "a folder";
              default -> "not a regular file";
            };
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      // No "unix" attribute view (e.g. Windows): the generic wording stays.
    }
    return (kind.startsWith("not") ? kind : "is " + kind + ", not a regular file")
        + "; only regular files and folders are read (a pipe would block: save its output to a file)";
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(String::compareTo);
    for (int i = 0; i < l.size(); i++) {
      l.set(i, "." + l.get(i).toLowerCase(Locale.ROOT));
    }
    return l;
  }
}
