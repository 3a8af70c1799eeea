/**
 * The one file format of PaperMap, for every stage that saves something (models, indexes, manifests,
 * and the cluster and topic models that come next), and the map folder that ties a map's files into
 * one unit. This package depends on no stage, so every stage can use it.
 *
 * <h2>A file: {@link org.papermap.io.Codec}</h2>
 *
 * <p>All little-endian.
 *
 * <pre>
 * header  byte[4]  0x89 'P' 'M' 'F'                    Codec.MAGIC (the first byte is not ASCII, so a
 *                                                       file mangled as text fails at once)
 *         byte     n, byte[n] format name (ASCII)       e.g. "papermap.tfidf", FileFormat.name()
 *         int      format version                       FileFormat.currentVersion() when written
 *         long, long  map id                            MapId; 0, 0 for a file saved on its own
 * body    what the format writes through CodecOutput; strings are an int byte count and UTF-8,
 *         string maps (every format stores its options this way) an int count then key, value, ...
 * footer  int      ~MAGIC                               Codec.FOOTER_MAGIC
 *         int      0                                    checksum algorithm: CRC32
 *         long     CRC32 of every byte before it
 * </pre>
 *
 * <p>{@link org.papermap.io.Codec#write} writes all or nothing ({@link org.papermap.io.AtomicFile}: a
 * temporary file beside the target, synced, renamed over it). {@link org.papermap.io.Codec#open} checks,
 * in this order, before anything is parsed: a regular file (a FIFO, a device or a folder gets a
 * {@link org.papermap.io.CorruptFileException} saying what it is, never a hang), its length, the footer
 * magic and the CRC32 of the whole file, then the format name and the version range ({@link
 * org.papermap.io.FormatTooOldException}, {@link org.papermap.io.FormatTooNewException}). The body is
 * then read through a bounds-checked {@link org.papermap.io.CodecInput} over the memory-mapped file,
 * whose every error names the file and the byte offset. Files written by release 0.1 (version 1 of each
 * model and index format, with their own headers: big-endian "PMAP" for models, little-endian "PMIX" for
 * indexes) are still read.
 *
 * <h2>Saving a model of a new stage</h2>
 *
 * <pre>{@code
 * public final class KMeansFile {
 *   public static final FileFormat FORMAT = FileFormat.of("papermap.kmeans", 1);
 *
 *   public static void save(KMeansResult r, Path file) throws IOException {
 *     Codec.write(file, FORMAT, MapId.NONE, out -> write(r, out));
 *   }
 *
 *   public static void write(KMeansResult r, CodecOutput out) throws IOException {
 *     out.writeMap(r.options().toMap());          // options: always a string map
 *     out.writeInt(r.k());
 *     out.writeInt(r.dimension());
 *     out.writeFloats(r.centroidsShared());       // k * dimension floats
 *   }
 *
 *   public static KMeansResult open(Path file) throws IOException {
 *     return read(Codec.open(file, FORMAT));
 *   }
 *
 *   public static KMeansResult read(CodecInput in) throws IOException {
 *     KMeans.Options options;
 *     try {
 *       options = KMeans.Options.fromMap(in.readMap());
 *     } catch (IllegalArgumentException e) {
 *       throw in.corrupt(e.getMessage(), e);      // names the file and the offset
 *     }
 *     int k = in.readInt("k", 1, 1 << 24);        // range-checked reads
 *     int dim = in.readInt("dimension", 1, 1 << 16);
 *     float[] centroids = in.readFloats(Math.multiplyExact(k, dim));
 *     in.expectEnd();                             // no bytes left before the footer
 *     return new KMeansResult(options, k, dim, centroids);
 *   }
 * }
 * }</pre>
 *
 * <p>A new version of a format: raise {@code currentVersion}, keep {@code minVersion}, branch on {@link
 * org.papermap.io.CodecInput#version()} when reading, and keep a file of every released version under
 * {@code src/test/resources/golden/} with a test that it still opens.
 *
 * <h2>A map folder: {@link org.papermap.io.MapWriter}, {@link org.papermap.io.MapReader}</h2>
 *
 * <pre>
 * DIR/papermap.manifest     codec file "papermap.manifest": map id (header), generation folder name,
 *                           string map of the map's attributes (its options), and per file: name,
 *                           format name ("stream" for plain files), version, length, CRC32
 * DIR/papermap.lock         held by a save from start to end (saves run one at a time)
 * DIR/map-ID/...            the files of the map whose id is ID; every codec file repeats ID
 * </pre>
 *
 * <p>A save writes a new generation folder, syncs it, and then replaces the manifest in one atomic
 * rename: the old map or the new one, never a mix, whatever the moment of a crash, and readers (who
 * follow the manifest) never see half a map. Adding a file to a map is one {@link
 * org.papermap.io.MapWriter#write} when saving and one {@link org.papermap.io.MapReader#open} when
 * opening; {@link org.papermap.io.MapReader#has} tells whether an optional file is there. Guarantees and
 * what is detected: {@code docs/map-folder.md}.
 */
package org.papermap.io;
