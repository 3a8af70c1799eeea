package org.papermap.corpus;

import java.util.Locale;

/**
 * The names of one source: {@code name} as given (used in messages and the report), its last path
 * segment {@code fileName}, and {@code baseName}, the file name without its known extensions (used in
 * generated ids such as {@code papers-12}).
 *
 * <p>Thread-safety: immutable and safe.
 */
record SourceName(String name, String fileName, String baseName) {
  private static final String[] KNOWN_EXTENSIONS = {
    ".gz", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".txt", ".md"
  };

  static SourceName of(String name) {
    String normalized = name.replace('\\', '/');
    int slash = normalized.lastIndexOf('/');
    String fileName = slash >= 0 && slash < normalized.length() - 1 ? normalized.substring(slash + 1) : normalized;
    return new SourceName(name, fileName, stripExtensions(fileName));
  }

  /** The extension that decides the format, lower case, after removing ".gz" ("" if none). */
  String formatExtension() {
    String f = fileName.toLowerCase(Locale.ROOT);
    if (f.endsWith(".gz")) {
      f = f.substring(0, f.length() - 3);
    }
    int dot = f.lastIndexOf('.');
    return dot > 0 ? f.substring(dot + 1) : "";
  }

  private static String stripExtensions(String fileName) {
    String base = fileName;
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      String lower = base.toLowerCase(Locale.ROOT);
      for (String ext : KNOWN_EXTENSIONS) {
        if (lower.endsWith(ext) && lower.length() > ext.length()) {
          base = base.substring(0, base.length() - ext.length());
          stripped = true;
          break;
        }
      }
    }
    if (base.equals(fileName)) {
      int dot = base.lastIndexOf('.');
      if (dot > 0) {
        base = base.substring(0, dot);
      }
    }
    return base;
  }
}
