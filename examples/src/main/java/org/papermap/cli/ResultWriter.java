package org.papermap.cli;

import java.io.IOException;
import java.util.List;
import org.papermap.PaperMap;

/**
 * Writes the answers of {@code related} and {@code search}: one record per query paper or query text,
 * in the order asked, as JSON Lines ({@link JsonLinesResults}) or as a table for people ({@link
 * TableResults}). A command that adds results of its own (clusters, topics) follows the same two
 * shapes: see docs/cli.md.
 *
 * <p>Thread-safety: not thread-safe.
 */
interface ResultWriter extends AutoCloseable {
  /** The neighbours of the paper {@code queryOrd} of the map's corpus. */
  void related(int queryOrd, List<PaperMap.Related> neighbours) throws IOException;

  /** The papers that match the free-text {@code query}. */
  void search(String query, List<PaperMap.Related> neighbours) throws IOException;

  /** Ends the output (flushes; the stream itself is the caller's). */
  @Override
  void close() throws IOException;
}
