package org.papermap.corpus;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads BibTeX ({@code .bib}), as Zotero, Mendeley, JabRef, Google Scholar and arXiv write it. Entries
 * are {@code @type{key, name = value, ...}} (or with parentheses); values are {@code {braced}} (nested
 * braces and line breaks allowed), {@code "quoted"}, numbers, or {@code @string} macros and month
 * names, joined with {@code #}. {@code @comment}, {@code @preamble} and text between entries are
 * skipped. Field names are case-insensitive; a field given twice in one entry is an error.
 *
 * <p>Mapping: id = the citation key; title, abstract; authors = {@code author} split on the word
 * {@code and} outside braces, each name as written ("Last, First" stays); year; url = {@code url},
 * else {@code https://doi.org/} + {@code doi}, else the arXiv page of {@code eprint} (with {@code
 * archivePrefix = arXiv}) or of Mendeley's {@code arxivId}; venue = {@code journal}, else {@code
 * booktitle}. Values are decoded with {@link LatexText} (accents, escapes, case-protecting braces).
 * The line named in messages is the line of the entry's {@code @}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class BibtexReader {
  private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);
  private static final String[] MONTHS = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  private static final String[] MONTH_NAMES = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"
  };

  private BibtexReader() {}

  static void read(LineReader lines, SourceName src, PaperCollector out) throws IOException {
    BibtexCursor in = new BibtexCursor(lines, src.name());
    Map<String, String> macros = new HashMap<>();
    for (int m = 0; m < MONTHS.length; m++) {
      macros.put(MONTHS[m], MONTH_NAMES[m]);
    }
    lines.recordHint("an unbalanced brace or quote?");
    while (in.skipTo('@')) {
      lines.markRecord(in.line());
      long start = in.line();
      in.next(); // '@'
      String type = in.name().toLowerCase(Locale.ROOT);
      if (type.isEmpty()) {
        continue; // a stray '@' in text between entries
      }
      Origin origin = new Origin(src.name(), start);
      switch (type) {
        case "comment" -> in.skipGroupIfAny();
        case "preamble" -> in.skipGroup(origin);
        case "string" -> readString(in, macros, origin);
        default -> {
          Map<String, String> fields;
          String key;
          try {
            char close = in.open(origin);
            key = in.key(origin);
            fields = readFields(in, close, macros, origin);
            out.checkEncoding(lines, start, in.line());
          } catch (CorpusFormatException e) {
            // A broken entry: report it and go on at the next '@' (the entries are independent).
            out.reject(e);
            continue;
          }
          out.add(toFields(key, fields), origin);
        }
      }
    }
  }

  private static void readString(BibtexCursor in, Map<String, String> macros, Origin origin) throws IOException {
    char close = in.open(origin);
    String name = in.name().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new CorpusFormatException(origin, "@string needs a name: @string{name = \"value\"}");
    }
    in.expect('=', origin, "after the @string name '" + name + "'");
    macros.put(name, in.value(macros, origin));
    in.expect(close, origin, "to close @string{" + name + " ...}");
  }

  private static Map<String, String> readFields(
      BibtexCursor in, char close, Map<String, String> macros, Origin origin) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    while (true) {
      in.skipSpace();
      int c = in.peek();
      if (c == close) {
        in.next();
        return fields;
      }
      if (c == ',') {
        in.next();
        continue;
      }
      if (c < 0) {
        throw new CorpusFormatException(origin, "entry not closed: the file ends before its '" + close + "'");
      }
      if (c == '@') {
        throw new CorpusFormatException(
            origin, "entry not closed: no '" + close + "' before the next entry at line " + in.line());
      }
      String name = in.name().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        throw new CorpusFormatException(
            origin, "expected a field name or '" + close + "' at line " + in.line() + ", found '" + (char) c + "'");
      }
      in.expect('=', origin, "after the field name '" + name + "'");
      String value = in.value(macros, origin);
      if (fields.putIfAbsent(name, value) != null) {
        throw new CorpusFormatException(origin, "duplicate field '" + name + "' in one entry");
      }
    }
  }

  private static PaperFields toFields(String key, Map<String, String> fields) {
    PaperFields f = new PaperFields();
    f.id = key;
    f.title = decoded(fields.get("title"));
    f.abstractText = decoded(fields.get("abstract"));
    String authors = fields.get("author");
    if (authors != null) {
      for (String name : splitAuthors(authors)) {
        String n = LatexText.decode(name).strip();
        if (!n.isEmpty()) {
          f.authors.add(n);
        }
      }
    }
    String year = fields.get("year");
    if (year != null && year.strip().matches("\\d{4}")) {
      f.year = Integer.valueOf(year.strip());
    }
    f.doi = fields.get("doi");
    String eprint = fields.get("eprint");
    String prefix = fields.get("archiveprefix");
    String arxiv = fields.get("arxivid");
    if (arxiv == null && eprint != null && prefix != null && prefix.strip().equalsIgnoreCase("arxiv")) {
      arxiv = eprint;
    }
    String url = fields.get("url");
    if (url != null && !url.isBlank()) {
      f.url = url.strip();
    } else if (f.doi != null && !f.doi.isBlank()) {
      f.url = "https://doi.org/" + f.doi.strip();
    } else if (arxiv != null && !arxiv.isBlank()) {
      f.url = "https://arxiv.org/abs/" + arxiv.strip();
    }
    String venue = fields.get("journal") != null ? fields.get("journal") : fields.get("booktitle");
    f.venue = decoded(venue);
    return f;
  }

  /** Splits on the word "and" outside braces ({Barnes and Noble} is one name). */
  static java.util.List<String> splitAuthors(String s) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      } else if (depth == 0 && Character.isWhitespace(c)) {
        var m = AND.matcher(s).region(i, s.length());
        if (m.lookingAt()) {
          out.add(s.substring(start, i));
          start = m.end();
          i = m.end() - 1;
        }
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static String decoded(String s) {
    return s == null ? null : LatexText.decode(s);
  }
}
