package org.papermap;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusFormat;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.CorpusWriter;
import org.papermap.corpus.TextNormalization;
import org.papermap.index.FlatIndex;
import org.papermap.index.IndexOptions;
import org.papermap.index.SparseIndex;
import org.papermap.index.VectorIndex;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.index.io.IndexFiles;
import org.papermap.vector.LsaModel;
import org.papermap.vector.TfIdfResult;

/**
 * A map folder: saves the parts of a map and opens them again.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class MapFolder {
  static final String MANIFEST = "papermap.properties";
  static final String FORMAT = "papermap-map";
  static final int VERSION = 1;

  private MapFolder() {}

  /**
   * Saves a map to {@code dir} (created if absent): a manifest, the corpus, the TF-IDF model and
   * index and, with LSA, the LSA model and the dense index. Each binary file is versioned, CRC-checked
   * and written atomically.
   */
  static void save(MapParts parts, Path dir) throws IOException {
    PaperMapOptions options = parts.options();
    Corpus corpus = parts.corpus();
    TfIdfResult tfidf = parts.tfidf();
    SparseIndex sparse = parts.sparse();
    LsaModel lsa = parts.lsa();
    VectorIndex<float[]> dense = parts.dense();
    Objects.requireNonNull(dir, "dir");
    Files.createDirectories(dir);
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(dir.resolve("corpus.jsonl")));
        CorpusWriter w = CorpusWriter.jsonl(os)) {
      w.writeAll(corpus);
    }
    tfidf.model().save(dir.resolve("tfidf.model"));
    IndexFiles.save(sparse, dir.resolve("tfidf.index"));
    if (lsa != null) {
      lsa.save(dir.resolve("lsa.model"));
      if (dense instanceof HnswIndex h) {
        IndexFiles.save(h, dir.resolve("lsa.index"));
      } else {
        IndexFiles.save((FlatIndex) dense, dir.resolve("lsa.index"));
      }
    }
    Properties p = new Properties();
    p.setProperty("format", FORMAT);
    p.setProperty("version", Integer.toString(VERSION));
    options.toMap().forEach(p::setProperty);
    // Written last: a directory without a manifest is not a map, so a failed save is never opened.
    try (OutputStream os = Files.newOutputStream(dir.resolve(MANIFEST))) {
      p.store(os, "PaperMap map; see docs/related.md");
    }
  }

  /**
   * Opens a map written by {@link #save}. Vectors are not recomputed.
   *
   * @throws IOException naming the file if the directory is not a map, or a file is missing, corrupt
   *     or of an unsupported version
   */
  static MapParts open(Path dir) throws IOException {
    Objects.requireNonNull(dir, "dir");
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new IOException(dir + ": not a saved PaperMap (no " + MANIFEST + ")");
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(manifest, StandardCharsets.ISO_8859_1)) {
      p.load(r);
    }
    if (!FORMAT.equals(p.getProperty("format"))) {
      throw new IOException(manifest + ": format must be '" + FORMAT + "', got '" + p.getProperty("format") + "'");
    }
    if (!Integer.toString(VERSION).equals(p.getProperty("version"))) {
      throw new IOException(manifest + ": unsupported version '" + p.getProperty("version") + "' (this build reads " + VERSION + ")");
    }
    Map<String, String> m = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      m.put(key, p.getProperty(key));
    }
    PaperMapOptions options;
    try {
      options = PaperMapOptions.fromMap(m);
    } catch (IllegalArgumentException e) {
      throw new IOException(manifest + ": " + e.getMessage(), e);
    }
    Corpus corpus;
    try (InputStream in = Files.newInputStream(dir.resolve("corpus.jsonl"))) {
      // Stored text is already normalized; read it as is.
      corpus =
          CorpusReader.read(
                  in,
                  dir.resolve("corpus.jsonl").toString(),
                  CorpusReader.Options.builder()
                      .format(CorpusFormat.JSONL)
                      .normalization(TextNormalization.NONE)
                      .build())
              .corpus();
    }
    IndexOptions indexOptions = IndexOptions.DEFAULT.withParallelism(options.parallelism());
    SparseIndex sparse = IndexFiles.openSparse(dir.resolve("tfidf.index"), indexOptions);
    var model = org.papermap.vector.TfIdfModel.open(dir.resolve("tfidf.model"));
    TfIdfResult tfidf = new TfIdfResult(model, sparse.docs());
    if (sparse.ordCount() != corpus.size()) {
      throw new IOException(
          dir.resolve("tfidf.index") + ": " + sparse.ordCount() + " vectors for " + corpus.size() + " papers");
    }
    LsaModel lsa = null;
    VectorIndex<float[]> dense = null;
    if (options.representation() != Representation.TFIDF) {
      lsa = LsaModel.open(dir.resolve("lsa.model"));
      Path f = dir.resolve("lsa.index");
      dense =
          options.denseIndex() == PaperMapOptions.DenseIndex.FLAT
              ? IndexFiles.openFlat(f, indexOptions)
              : IndexFiles.openHnsw(f, options.parallelism());
      if (dense.ordCount() != corpus.size()) {
        throw new IOException(f + ": " + dense.ordCount() + " vectors for " + corpus.size() + " papers");
      }
    }
    return new MapParts(options, corpus, tfidf, sparse, lsa, dense);
  }
}
