package org.papermap.corpus;

/**
 * Receives progress while {@link CorpusReader} reads. Called on the reading thread, every few
 * thousand papers and once at the end of each source; it must be cheap and must not throw.
 *
 * <p>Thread-safety: called from one thread at a time (the reading thread).
 */
@FunctionalInterface
public interface ReadProgress {
  /**
   * @param source the source name (the path as given, or the name passed with a stream)
   * @param bytesRead bytes consumed from the source so far (compressed bytes for gzip input)
   * @param bytesTotal the size of the source in bytes, or -1 if unknown (streams)
   * @param papersRead papers read so far over all sources of this read call
   */
  void update(String source, long bytesRead, long bytesTotal, long papersRead);
}
