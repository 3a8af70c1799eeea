package org.papermap.corpus;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The email-digest listing shape (e.g. the TMLR digests): blocks of {@code Title:}, {@code Authors:},
 * {@code Abstract:} (each may continue over lines) and {@code URL:}, separated by {@code ---}; a line
 * underlined with {@code ===} starts a section. See {@link ListingReader}. An entry whose {@code
 * Title:} line was lost is reported where its fields appear (after a {@code ---}, or as a field repeated
 * in the entry above), never merged into its neighbour or dropped in silence.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class DigestListing {
  private static final Pattern KEY = Pattern.compile("(?i)(title|authors?|abstract|url)\\s*:\\s*(.*)");
  private static final Pattern UNDERLINE = Pattern.compile("\\s*={3,}\\s*");
  private static final Pattern RULE = Pattern.compile("\\s*-{3,}\\s*");

  private enum Field {
    NONE,
    TITLE,
    AUTHORS,
    ABSTRACT
  }

  private DigestListing() {}

  static void read(LineReader lines, ListingEntry.Sink entries) throws IOException {
    String section = null;
    ListingEntry cur = null;
    Field field = Field.NONE;
    boolean seenEntry = false;
    boolean orphan = false;
    String line;
    while ((line = lines.next()) != null) {
      long n = lines.lineNumber();
      String t = line.strip();
      if (!t.isEmpty()) {
        String peek = lines.peek();
        if (peek != null && UNDERLINE.matcher(peek).matches()) {
          entries.emit(cur);
          cur = null;
          field = Field.NONE;
          section = t;
          lines.next();
          continue;
        }
      }
      if (RULE.matcher(t).matches()) {
        entries.emit(cur);
        cur = null;
        field = Field.NONE;
        orphan = false;
        continue;
      }
      if (orphan) {
        continue; // the rest of an entry already reported
      }
      Matcher key = KEY.matcher(t);
      if (key.matches()) {
        String name = key.group(1).toLowerCase(Locale.ROOT);
        String rest = key.group(2);
        if (name.equals("title")) {
          entries.emit(cur);
          seenEntry = true;
          orphan = false;
          cur = entries.start(n, section);
          cur.keys.add("title");
          cur.title.append(rest);
          field = Field.TITLE;
          continue;
        }
        if (cur == null && seenEntry) {
          // Fields after a '---' with no 'Title:': the entry lost its title line. Without this check
          // its lines would pass as noise between entries and the paper would vanish.
          entries.reject(n, "digest entry without a 'Title:' line ('" + key.group(1) + ":' at line " + n + ")");
          orphan = true;
          continue;
        }
        if (cur != null) {
          if (!cur.keys.add(name.startsWith("author") ? "authors" : name)) {
            // A second "Authors:" in one entry: the next entry's '---' and 'Title:' lines were lost.
            entries.emit(cur);
            cur = null;
            field = Field.NONE;
            entries.reject(
                n, "digest entry without a 'Title:' line ('" + key.group(1) + ":' at line " + n + " repeats a field of the entry above)");
            orphan = true;
            continue;
          }
          cur.lastLine = n;
          switch (name) {
            case "authors", "author" -> {
              cur.authors.append(rest);
              field = Field.AUTHORS;
            }
            case "abstract" -> {
              cur.abstractText.append(rest);
              cur.hasAbstract = true;
              field = Field.ABSTRACT;
            }
            default -> {
              cur.url = rest.strip();
              field = Field.NONE; // a URL is one line; what follows is not part of it
            }
          }
          continue;
        }
      }
      if (cur == null || t.isEmpty()) {
        continue; // header noise outside entries; blank lines inside them
      }
      StringBuilder target =
          switch (field) {
            case TITLE -> cur.title;
            case AUTHORS -> cur.authors;
            case ABSTRACT -> cur.abstractText;
            case NONE -> null;
          };
      if (target != null) {
        target.append('\n').append(t);
        cur.lastLine = n;
      }
    }
    entries.emit(cur);
  }
}
