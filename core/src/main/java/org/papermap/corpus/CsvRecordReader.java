package org.papermap.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads CSV (RFC 4180 quoting, multi-line quoted fields) or TSV with a header row, through Apache
 * Commons CSV. Columns are mapped by {@link CsvColumns}; with the default mapping, a header with
 * Zotero's signature columns is read with {@link CsvColumns#zotero()}. Two header cells with the same
 * name (ignoring case) are an error, since either could be meant. A record longer than the size limit
 * (usually an unclosed quote) fails at once, naming the line where it starts. The line named in
 * messages is the first line of the record.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class CsvRecordReader {
  private CsvRecordReader() {}

  static void read(LineReader lines, SourceName src, PaperCollector out, CsvColumns columns, char delimiter)
      throws IOException {
    LineReader.Line first = lines.firstNonBlank();
    if (first == null) {
      return; // empty: the collector reports "no papers found"
    }
    long headerLine = first.number();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL) // checked below, with a message
            .build();
    lines.recordHint("an unclosed quote?");
    lines.markRecord(headerLine);
    CSVParser parser;
    try {
      parser = format.parse(new LinesAsReader(lines));
    } catch (UncheckedIOException e) {
      throw unwrap(e, src, headerLine);
    } catch (IllegalArgumentException e) {
      throw new CorpusFormatException(src.name(), headerLine, "invalid CSV header: " + e.getMessage());
    }
    try (parser) {
      List<String> header = parser.getHeaderNames();
      checkDuplicates(header, src, headerLine);
      CsvColumns mapping = columns.equals(CsvColumns.defaults()) && isZotero(header) ? CsvColumns.zotero() : columns;
      int[] index = resolve(mapping, header, src, headerLine);
      int width = header.size();
      Iterator<CSVRecord> it = parser.iterator();
      long next = headerLine + 1; // where the next record starts, at the latest
      while (true) {
        CSVRecord rec;
        try {
          if (!it.hasNext()) {
            break;
          }
          rec = it.next();
        } catch (UncheckedIOException e) {
          throw unwrap(e, src, next); // e.g. a quote never closed: name the record, not the end of file
        }
        long end = parser.getCurrentLineNumber();
        long start = end - embeddedNewlines(rec);
        lines.markRecord(end + 1);
        next = end + 1;
        Origin origin = new Origin(src.name(), start);
        PaperFields fields;
        try {
          out.checkEncoding(lines, start, end);
          if (rec.size() != width) {
            throw new CorpusFormatException(
                origin,
                "record has " + rec.size() + " fields but the header has " + width + " (unbalanced quotes?)");
          }
          fields = toFields(rec, index, mapping, origin);
        } catch (CorpusFormatException e) {
          out.reject(e);
          continue;
        }
        out.add(fields, origin);
      }
    }
  }

  private static PaperFields toFields(CSVRecord rec, int[] index, CsvColumns columns, Origin origin)
      throws CorpusFormatException {
    PaperFields f = new PaperFields();
    f.titleName = columns.title();
    f.abstractName = columns.abstractText();
    f.id = cell(rec, index[0]);
    // Raw cells: an empty title or abstract cell is "empty", not "missing".
    f.title = rec.get(index[1]);
    f.abstractText = rec.get(index[2]);
    String authors = cell(rec, index[3]);
    if (authors != null) {
      String separator =
          columns.authorSeparator() != null
              ? columns.authorSeparator()
              : authors.indexOf(';') >= 0 ? ";" : ",";
      f.addAuthors(authors, Pattern.quote(separator));
    }
    f.year = PaperFields.parseYear(cell(rec, index[4]), columns.year(), origin);
    f.setDate(cell(rec, index[5]), columns.date(), origin);
    f.url = cell(rec, index[6]);
    f.venue = cell(rec, index[7]);
    f.addLabels(cell(rec, index[8]));
    return f;
  }

  /** The column index of each CsvColumns field (-1 when absent). */
  private static int[] resolve(CsvColumns columns, List<String> header, SourceName src, long headerLine)
      throws CorpusFormatException {
    int[] index = new int[CsvColumns.fieldCount()];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < index.length; i++) {
      String wanted = columns.value(i);
      index[i] = wanted == null ? -1 : find(header, wanted);
      boolean required = i == 1 || i == 2;
      if (required && index[i] < 0) {
        missing.add("'" + wanted + "' (" + CsvColumns.key(i) + ")");
      }
    }
    if (!missing.isEmpty()) {
      throw new CorpusFormatException(
          src.name(),
          headerLine,
          "missing required column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + "; header found: "
              + String.join(", ", header));
    }
    return index;
  }

  /** Two non-blank header cells with the same name (ignoring case and surrounding spaces). */
  private static void checkDuplicates(List<String> header, SourceName src, long headerLine)
      throws CorpusFormatException {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (h == null || h.isBlank()) {
        continue;
      }
      Integer first = seen.putIfAbsent(h.strip().toLowerCase(Locale.ROOT), i);
      if (first != null) {
        throw new CorpusFormatException(
            src.name(),
            headerLine,
            "duplicate column '"
                + h.strip()
                + "' (columns "
                + (first + 1)
                + " and "
                + (i + 1)
                + "); header names must be unique, ignoring case");
      }
    }
  }

  private static boolean isZotero(List<String> header) {
    for (String wanted : CsvColumns.ZOTERO_SIGNATURE) {
      if (find(header, wanted) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int find(List<String> header, String wanted) {
    String w = wanted.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < header.size(); i++) {
      String h = header.get(i);
      if (h != null && h.strip().toLowerCase(Locale.ROOT).equals(w)) {
        return i;
      }
    }
    return -1;
  }

  private static String cell(CSVRecord rec, int i) {
    if (i < 0 || i >= rec.size()) {
      return null;
    }
    String v = rec.get(i);
    return v == null || v.isBlank() ? null : v;
  }

  /** Newlines inside quoted values: the record started that many lines before it ended. */
  private static long embeddedNewlines(CSVRecord rec) {
    long n = 0;
    for (int i = 0; i < rec.size(); i++) {
      String v = rec.get(i);
      for (int j = v.indexOf('\n'); j >= 0; j = v.indexOf('\n', j + 1)) {
        n++;
      }
    }
    return n;
  }

  private static CorpusFormatException unwrap(UncheckedIOException e, SourceName src, long line) {
    if (e.getCause() instanceof CorpusFormatException c) {
      return c; // invalid UTF-8 or gzip trouble from the line reader, already located
    }
    String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    return new CorpusFormatException(src.name(), line, "malformed CSV: " + message, e);
  }

  /**
   * Feeds decoded lines to Commons CSV, each terminated by '\n'. Going through {@link LineReader}
   * keeps one strict UTF-8 path for every format. A call returns at most the rest of one line, so the
   * parser reads ahead by one line only and the size limit counts the current record's lines.
   */
  private static final class LinesAsReader extends Reader {
    private final LineReader lines;
    private String current = "";
    private int pos = 1; // past the end of the empty line: the first read fetches a line
    private boolean eof;

    LinesAsReader(LineReader lines) {
      this.lines = lines;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n = 0;
      while (n < len) {
        if (pos > current.length()) {
          String next = eof ? null : lines.next();
          if (next == null) {
            eof = true;
            break;
          }
          current = next;
          pos = 0;
        }
        if (pos == current.length()) {
          cbuf[off + n++] = '\n';
          pos++;
          continue;
        }
        int count = Math.min(len - n, current.length() - pos);
        current.getChars(pos, pos + count, cbuf, off + n);
        pos += count;
        n += count;
        if (pos == current.length() && n < len) {
          cbuf[off + n++] = '\n';
          pos++;
          break; // one line per call
        }
      }
      return n == 0 ? -1 : n;
    }

    @Override
    public void close() {
      // The LineReader is closed by its owner.
    }
  }
}
