package org.papermap.corpus;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A character cursor over the lines of a BibTeX file, with the lexical rules of {@link BibtexReader}:
 * names, keys, braced and quoted values, macros and {@code #} concatenation. Line breaks inside values
 * are kept as '\n' (readers collapse white space later).
 *
 * <p>A value whose braces or quotes never close would swallow every later entry; so a line that starts
 * a new entry ({@code @article{...}) inside a value ends it with an error naming both lines, and the
 * reader goes on from that entry.
 *
 * <p>Thread-safety: not thread-safe; one instance per source.
 */
final class BibtexCursor {
  private static final Pattern ENTRY_START = Pattern.compile("@[A-Za-z]+\\s*[{(].*");
  private static final String NAME_CHARS = "_-:.+/'!?*&<>|";

  private final LineReader lines;
  private final String source;
  private String cur = "";
  private int pos;
  private long lineNo;
  private boolean eof;

  BibtexCursor(LineReader lines, String source) {
    this.lines = lines;
    this.source = source;
  }

  /** The current character, or -1 at the end of the input. */
  int peek() throws IOException {
    while (!eof && pos >= cur.length()) {
      String l = lines.next();
      if (l == null) {
        eof = true;
        return -1;
      }
      cur = l + "\n";
      pos = 0;
      lineNo = lines.lineNumber();
    }
    return eof ? -1 : cur.charAt(pos);
  }

  void next() throws IOException {
    if (peek() >= 0) {
      pos++;
    }
  }

  /** The 1-based line of the current character. */
  long line() throws IOException {
    peek();
    return lineNo;
  }

  /** Moves to the next {@code c}; false at the end of the input. */
  boolean skipTo(char c) throws IOException {
    int p;
    while ((p = peek()) >= 0 && p != c) {
      pos++;
    }
    return p >= 0;
  }

  void skipSpace() throws IOException {
    int p;
    while ((p = peek()) >= 0 && Character.isWhitespace(p)) {
      pos++;
    }
  }

  /** An entry type, field or macro name (possibly empty). */
  String name() throws IOException {
    skipSpace();
    StringBuilder sb = new StringBuilder();
    int p;
    while ((p = peek()) >= 0 && (Character.isLetterOrDigit(p) || NAME_CHARS.indexOf(p) >= 0)) {
      sb.append((char) p);
      pos++;
    }
    return sb.toString();
  }

  /** The citation key, up to the ',' that follows it. */
  String key(Origin origin) throws IOException {
    skipSpace();
    StringBuilder sb = new StringBuilder();
    int p;
    while ((p = peek()) >= 0 && p != ',' && p != '}' && p != ')' && !Character.isWhitespace(p)) {
      sb.append((char) p);
      pos++;
    }
    skipSpace();
    if (sb.isEmpty() || peek() != ',') {
      throw new CorpusFormatException(origin, "entry needs a citation key and a ',': @type{key, field = {...}}");
    }
    pos++;
    return sb.toString();
  }

  /** Consumes '{' or '(' and returns the matching closing character. */
  char open(Origin origin) throws IOException {
    skipSpace();
    int p = peek();
    if (p == '{' || p == '(') {
      pos++;
      return p == '{' ? '}' : ')';
    }
    throw new CorpusFormatException(origin, "expected '{' or '(' after the entry type");
  }

  void expect(char c, Origin origin, String context) throws IOException {
    skipSpace();
    int p = peek();
    if (p != c) {
      throw new CorpusFormatException(
          origin,
          "expected '" + c + "' " + context + " at line " + lineNo + ", found " + (p < 0 ? "the end of the file" : "'" + (char) p + "'"));
    }
    pos++;
  }

  /** Skips a group in braces or parentheses (for @preamble). */
  void skipGroup(Origin origin) throws IOException {
    char close = open(origin);
    if (close == '}') {
      braced(origin, 1);
    } else {
      skipTo(')');
      next();
    }
  }

  /** @comment: skips a braced group if one follows, else nothing (the rest is plain text). */
  void skipGroupIfAny() throws IOException {
    skipSpace();
    if (peek() == '{') {
      pos++;
      braced(null, 1);
    }
  }

  /** A field value: parts joined by '#'. */
  String value(Map<String, String> macros, Origin origin) throws IOException {
    StringBuilder sb = new StringBuilder();
    while (true) {
      skipSpace();
      int p = peek();
      if (p == '{') {
        pos++;
        sb.append(braced(origin, 1));
      } else if (p == '"') {
        pos++;
        sb.append(quoted(origin));
      } else if (p >= '0' && p <= '9') {
        sb.append(name());
      } else {
        String macro = name();
        if (macro.isEmpty()) {
          throw new CorpusFormatException(
              origin,
              "expected a value ({...}, \"...\", a number or a macro) at line "
                  + lineNo
                  + ", found "
                  + (p < 0 ? "the end of the file" : "'" + (char) p + "'"));
        }
        String v = macros.get(macro.toLowerCase(java.util.Locale.ROOT));
        if (v == null) {
          throw new CorpusFormatException(origin, "undefined @string macro '" + macro + "' at line " + lineNo);
        }
        sb.append(v);
      }
      skipSpace();
      if (peek() != '#') {
        return sb.toString();
      }
      pos++;
    }
  }

  /** The text up to the brace that closes {@code depth} open ones (consumed, not returned). */
  private String braced(Origin origin, int depth) throws IOException {
    StringBuilder sb = new StringBuilder();
    long start = lineNo;
    while (true) {
      int p = peek();
      if (p < 0) {
        throw unclosed(origin, "'{'", start);
      }
      if (pos == 0 && lineNo > start && origin != null && ENTRY_START.matcher(cur).lookingAt()) {
        throw runsIntoNextEntry(origin, "'{'", start);
      }
      pos++;
      if (p == '\\' && peek() >= 0) {
        sb.append('\\').append((char) peek()); // \{ and \} do not count
        pos++;
        continue;
      }
      if (p == '{') {
        depth++;
      } else if (p == '}' && --depth == 0) {
        return sb.toString();
      }
      sb.append((char) p);
    }
  }

  private String quoted(Origin origin) throws IOException {
    StringBuilder sb = new StringBuilder();
    long start = lineNo;
    int depth = 0;
    while (true) {
      int p = peek();
      if (p < 0) {
        throw unclosed(origin, "'\"'", start);
      }
      if (pos == 0 && lineNo > start && ENTRY_START.matcher(cur).lookingAt()) {
        throw runsIntoNextEntry(origin, "'\"'", start);
      }
      pos++;
      if (p == '{') {
        depth++;
      } else if (p == '}') {
        depth--;
      } else if (p == '"' && depth == 0) {
        return sb.toString();
      }
      sb.append((char) p);
    }
  }

  private CorpusFormatException unclosed(Origin origin, String what, long start) {
    Origin o = origin != null ? origin : new Origin(source, start);
    return new CorpusFormatException(o, "the " + what + " opened at line " + start + " is never closed");
  }

  private CorpusFormatException runsIntoNextEntry(Origin origin, String what, long start) {
    return new CorpusFormatException(
        origin,
        "the "
            + what
            + " opened at line "
            + start
            + " is not closed before the next entry at line "
            + lineNo
            + " (unbalanced braces or quotes?)");
  }
}
