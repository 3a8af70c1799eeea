package org.papermap.progress;

/**
 * Receives the progress of PaperMap's long operations: reading, TF-IDF fitting, LSA fitting, index
 * builds, all-pairs neighbours, saving and opening a map. An operation that takes a listener runs the
 * same with any listener or with {@link #NONE}: results never depend on it.
 *
 * <p>An operation reports <b>steps</b>, one after the other (never nested or overlapping): {@link
 * #begin}, any number of {@link #advance} with a non-decreasing count, then {@link #end} (also when the
 * step fails). A step reported by an operation that another one calls (the TF-IDF fit inside {@code
 * PaperMap.build}) is one step of the caller's sequence. The library's steps, with their units:
 *
 * <table>
 *   <caption>Steps reported by the library</caption>
 *   <tr><th>step</th><th>unit</th><th>reported by</th></tr>
 *   <tr><td>{@code read}</td><td>bytes</td><td>{@code CorpusReader.read}</td></tr>
 *   <tr><td>{@code tf-idf}</td><td>papers</td><td>{@code TfIdfVectorizer.fit}, {@code fitTransform}</td></tr>
 *   <tr><td>{@code lsa}</td><td>passes (over the TF-IDF matrix)</td><td>{@code LsaModel.fit}</td></tr>
 *   <tr><td>{@code sparse index}, {@code flat index}, {@code hnsw index}</td><td>vectors</td>
 *       <td>{@code SparseIndex.build}, {@code FlatIndex.of}, {@code HnswIndex.build}</td></tr>
 *   <tr><td>{@code neighbours}</td><td>vectors or papers</td>
 *       <td>{@code VectorIndex.neighbours}, {@code PaperMap.relatedAll}</td></tr>
 *   <tr><td>{@code save}, {@code open}</td><td>files</td><td>{@code PaperMap.save}, {@code PaperMap.open}</td></tr>
 * </table>
 *
 * <p>A <b>note</b> tells of a choice the library made for the caller, such as document-frequency bounds
 * relaxed for a corpus too small for them. Notes are never lost: unless a listener overrides {@link
 * #note}, it goes to the {@link System.Logger} named {@code org.papermap} at level INFO.
 *
 * <p>Thread-safety: calls for one operation come from one thread at a time and in order (the library
 * serializes calls made from its worker threads), but not always from the caller's thread. A listener
 * must be cheap (it is called at most a few hundred times per step) and should not throw: an exception
 * it throws ends the operation.
 */
public interface ProgressListener {
  /** Reports no progress; notes go to the {@code org.papermap} logger (see {@link #note}). */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * A step begins.
   *
   * @param step the step's name, e.g. {@code "tf-idf"}
   * @param total the units of work in the step, or -1 when unknown
   * @param unit what is counted, plural: {@code "papers"}, {@code "bytes"}, {@code "vectors"}...
   */
  default void begin(String step, long total, String unit) {}

  /**
   * Work done so far in the step that began last: never less than in the call before, at most {@code
   * total} when that is known.
   */
  default void advance(String step, long done) {}

  /** The step that began last has ended, done or failed. */
  default void end(String step) {}

  /**
   * A choice the library made that the caller should know about (one line, no trailing period
   * needed). By default logged to the {@link System.Logger} {@code org.papermap} at INFO.
   */
  default void note(String message) {
    System.getLogger("org.papermap").log(System.Logger.Level.INFO, message);
  }
}
