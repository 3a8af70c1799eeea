package org.papermap.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.papermap.PaperMap;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;

/**
 * Results as a table for people, one block per query, fitted to the terminal's width (titles are
 * shortened with "…", ids never):
 *
 * <pre>
 * related to 2503.14354: Cooperative Online Learning with Feedback Graphs (2024)
 *    #  score  year  title                                          id
 *    1  0.574  2024  Online Learning with Feedback Graphs: The Tr…  openreview:PtNyIboDIG
 *                    because: feedback 0.121, graph 0.080, regret 0.046
 * </pre>
 *
 * <p>The {@code because:} line (the shared terms that contribute most to the score, with their share
 * of it) appears with {@code --explain}. Thread-safety: not thread-safe.
 */
final class TableResults implements ResultWriter {
  private static final int MIN_TITLE = 20;
  private static final int MAX_ID = 40;

  private final Writer out;
  private final Corpus corpus;
  private final int columns;
  private boolean first = true;

  TableResults(OutputStream out, Corpus corpus, int columns) {
    this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.corpus = corpus;
    this.columns = columns;
  }

  @Override
  public void related(int queryOrd, List<PaperMap.Related> neighbours) throws IOException {
    Paper q = corpus.get(queryOrd);
    header("related to " + q.id() + ": " + q.title() + year(q, " (", ")"));
    rows(neighbours);
  }

  @Override
  public void search(String query, List<PaperMap.Related> neighbours) throws IOException {
    header("search: " + query);
    rows(neighbours);
  }

  private void header(String line) throws IOException {
    if (!first) {
      println("");
    }
    first = false;
    println(shorten(line, columns));
  }

  private void println(String line) throws IOException {
    out.write(line);
    out.write('\n');
  }

  private void rows(List<PaperMap.Related> neighbours) throws IOException {
    if (neighbours.isEmpty()) {
      println("   (no paper shares a term with it)");
      out.flush();
      return;
    }
    int idWidth = 2;
    for (PaperMap.Related r : neighbours) {
      idWidth = Math.max(idWidth, Math.min(MAX_ID, r.id().length()));
    }
    int rankWidth = Math.max(2, Integer.toString(neighbours.size()).length());
    // rank, score, year and the gaps between the five columns
    int fixed = 1 + rankWidth + 2 + 5 + 2 + 4 + 2 + 2;
    int titleWidth = Math.max(MIN_TITLE, columns - fixed - idWidth);
    String format = "%" + (rankWidth + 1) + "s  %5s  %4s  %-" + titleWidth + "s  %s\n";
    out.write(String.format(Locale.ROOT, format, "#", "score", "year", "title", "id"));
    int indent = 1 + rankWidth + 2 + 5 + 2 + 4 + 2;
    for (int i = 0; i < neighbours.size(); i++) {
      PaperMap.Related r = neighbours.get(i);
      Paper p = corpus.get(r.ord());
      out.write(
          String.format(
              Locale.ROOT,
              format,
              i + 1,
              String.format(Locale.ROOT, "%.3f", r.score()),
              year(p, "", ""),
              shorten(p.title(), titleWidth),
              r.id()));
      if (!r.terms().isEmpty()) {
        StringBuilder why = new StringBuilder("because: ");
        for (int t = 0; t < r.terms().size(); t++) {
          PaperMap.TermWeight w = r.terms().get(t);
          why.append(t == 0 ? "" : ", ").append(w.term()).append(String.format(Locale.ROOT, " %.3f", w.contribution()));
        }
        println(" ".repeat(indent) + shorten(why.toString(), Math.max(MIN_TITLE, columns - indent)));
      }
    }
    out.flush();
  }

  private static String year(Paper p, String before, String after) {
    return p.year() == null ? (before.isEmpty() ? "-" : "") : before + p.year() + after;
  }

  /** {@code s} in at most {@code width} characters (code points), "…" marking a cut. */
  static String shorten(String s, int width) {
    if (s.codePointCount(0, s.length()) <= width) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, width - 1)) + "…";
  }

  @Override
  public void close() throws IOException {
    out.flush();
  }
}
