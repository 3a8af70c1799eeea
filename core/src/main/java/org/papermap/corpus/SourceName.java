package org.papermap.corpus;

import java.util.Locale;

/**
 * The names of one source: {@code name} as given (used in messages and the report) and its last path
 * segment {@code fileName}, whose extension picks the format under {@link CorpusFormat#AUTO}.
 *
 * <p>Thread-safety: immutable and safe.
 */
record SourceName(String name, String fileName) {
  static SourceName of(String name) {
    String normalized = name.replace('\\', '/');
    int slash = normalized.lastIndexOf('/');
    String fileName =
        slash >= 0 && slash < normalized.length() - 1 ? normalized.substring(slash + 1) : normalized;
    return new SourceName(name, fileName);
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
}
