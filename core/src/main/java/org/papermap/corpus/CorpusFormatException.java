package org.papermap.corpus;

import java.io.IOException;
import java.util.Objects;

/**
 * A record or file that breaks a rule of its format, or a path that cannot be read as papers (missing,
 * unreadable, a pipe or a device). The message always names the source, the 1-based line (when the
 * source has lines) and the rule, as {@code file:line: rule}.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class CorpusFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String rule;

  /**
   * @param file the source name
   * @param line the 1-based line, or 0 when the problem concerns the whole file
   * @param rule what is wrong, e.g. "missing field 'title'"
   */
  public CorpusFormatException(String file, long line, String rule) {
    this(file, line, rule, null);
  }

  public CorpusFormatException(String file, long line, String rule, Throwable cause) {
    super(format(file, line, rule), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.rule = Objects.requireNonNull(rule, "rule");
  }

  public CorpusFormatException(Origin origin, String rule) {
    this(origin.file(), origin.line(), rule);
  }

  private static String format(String file, long line, String rule) {
    return (line > 0 ? file + ":" + line : file) + ": " + rule;
  }

  /** The source name. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem concerns the whole file. */
  public long line() {
    return line;
  }

  /** The rule that was broken, without the location. */
  public String rule() {
    return rule;
  }
}
