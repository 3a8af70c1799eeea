package org.papermap;

import java.io.IOException;
import java.nio.file.Path;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusFormat;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.CorpusWriter;
import org.papermap.corpus.TextNormalization;
import org.papermap.index.FlatIndex;
import org.papermap.index.FlatIndexFile;
import org.papermap.index.IndexOptions;
import org.papermap.index.SparseIndex;
import org.papermap.index.SparseIndexFile;
import org.papermap.index.VectorIndex;
import org.papermap.index.hnsw.HnswIndex;
import org.papermap.index.hnsw.HnswIndexFile;
import org.papermap.internal.StepProgress;
import org.papermap.io.CorruptFileException;
import org.papermap.io.MapReader;
import org.papermap.io.MapWriter;
import org.papermap.progress.ProgressListener;
import org.papermap.vector.LsaModel;
import org.papermap.vector.LsaModelFile;
import org.papermap.vector.TfIdfModel;
import org.papermap.vector.TfIdfModelFile;
import org.papermap.vector.TfIdfResult;

/**
 * Which files make a map and how each is written and read; {@link MapWriter} and {@link MapReader}
 * make the folder one unit (manifest, map id, atomic replacement; see docs/map-folder.md). A part is
 * one line in {@link #save} and one in {@link #read}; optional parts are tested with {@code
 * map.has(name)}.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class MapFolder {
  static final String CORPUS = "corpus.jsonl";
  static final String TFIDF_MODEL = "tfidf.model";
  static final String TFIDF_INDEX = "tfidf.index";
  static final String LSA_MODEL = "lsa.model";
  static final String LSA_INDEX = "lsa.index";
  static final String TOPICS = "topics.model";

  private MapFolder() {}

  /** Whether {@code dir} holds a map (of any format version). */
  static boolean isMap(Path dir) {
    return MapReader.isMap(dir);
  }

  /**
   * Saves {@code parts} to {@code dir} as a new map that replaces any map there in one step.
   *
   * @throws IOException naming the folder or file when the folder holds other files or a write fails
   *     (the previous map, if any, is then unchanged)
   */
  static void save(MapParts parts, Path dir, ProgressListener progress) throws IOException {
    // The files, then the manifest that commits them.
    int files = (parts.lsa() == null ? 4 : 6) + (parts.topics() == null ? 0 : 1);
    try (StepProgress step = StepProgress.begin(progress, "save", files, "files");
        MapWriter w = MapWriter.create(dir)) {
      w.writeStream(CORPUS, out -> {
        try (CorpusWriter c = CorpusWriter.jsonl(out)) {
          c.writeAll(parts.corpus());
        }
      });
      step.add(1);
      w.write(TFIDF_MODEL, TfIdfModelFile.FORMAT, out -> TfIdfModelFile.write(parts.tfidf().model(), out));
      step.add(1);
      w.write(TFIDF_INDEX, SparseIndexFile.FORMAT, out -> SparseIndexFile.write(parts.sparse(), out));
      step.add(1);
      if (parts.lsa() != null) {
        w.write(LSA_MODEL, LsaModelFile.FORMAT, out -> LsaModelFile.write(parts.lsa(), out));
        step.add(1);
        if (parts.dense() instanceof HnswIndex h) {
          w.write(LSA_INDEX, HnswIndexFile.FORMAT, out -> HnswIndexFile.write(h, out));
        } else {
          w.write(LSA_INDEX, FlatIndexFile.FORMAT, out -> FlatIndexFile.write((FlatIndex) parts.dense(), out));
        }
        step.add(1);
      }
      if (parts.topics() != null) {
        w.write(TOPICS, MapTopicsFile.FORMAT, out -> MapTopicsFile.write(parts.topics(), out));
        step.add(1);
      }
      w.commit(parts.options().toMap());
      step.add(1);
    }
  }

  /**
   * Opens the map in {@code dir}; vectors are not recomputed.
   *
   * @throws IOException naming the folder or file: not a map, a file missing, damaged, from another
   *     map, or inconsistent with the others
   */
  static MapParts open(Path dir, ProgressListener progress) throws IOException {
    // The total is known once the manifest is read: -1 until then.
    try (StepProgress step = StepProgress.begin(progress, "open", -1, "files")) {
      return MapReader.read(dir, map -> read(map, step));
    }
  }

  private static MapParts read(MapReader map, StepProgress step) throws IOException {
    PaperMapOptions options;
    try {
      options = PaperMapOptions.fromMap(map.attributes());
    } catch (IllegalArgumentException e) {
      throw new CorruptFileException(map.manifestPath(), -1, e.getMessage(), e);
    }
    Path corpusFile = map.path(CORPUS);
    // Stored text is already normalized; read it as is.
    CorpusReader.Options corpusOptions =
        CorpusReader.Options.builder().format(CorpusFormat.JSONL).normalization(TextNormalization.NONE).build();
    Corpus corpus = map.readStream(CORPUS, in -> CorpusReader.read(in, corpusFile.toString(), corpusOptions).corpus());
    step.update(1);
    IndexOptions indexOptions = IndexOptions.DEFAULT.withParallelism(options.parallelism());
    TfIdfModel model = TfIdfModelFile.read(map.open(TFIDF_MODEL, TfIdfModelFile.FORMAT));
    step.update(2);
    SparseIndex sparse = SparseIndexFile.read(map.open(TFIDF_INDEX, SparseIndexFile.FORMAT), indexOptions);
    step.update(3);
    check(sparse.ordCount() == corpus.size(), map.path(TFIDF_INDEX), sparse.ordCount() + " rows for " + corpus.size() + " papers");
    check(sparse.termCount() == model.vocabulary().size(), map.path(TFIDF_INDEX),
        sparse.termCount() + " terms, the model has " + model.vocabulary().size());
    LsaModel lsa = null;
    VectorIndex<float[]> dense = null;
    // Maps saved with representation TFIDF by earlier builds hold no LSA part.
    if (map.has(LSA_MODEL)) {
      lsa = LsaModelFile.read(map.open(LSA_MODEL, LsaModelFile.FORMAT));
      step.update(4);
      check(lsa.featureCount() == model.vocabulary().size() && lsa.embeddings().size() == corpus.size(),
          map.path(LSA_MODEL), lsa.embeddings().size() + " rows of " + lsa.featureCount() + " features for "
              + corpus.size() + " papers of " + model.vocabulary().size() + " terms");
      int dimension;
      if (options.denseIndex() == PaperMapOptions.DenseIndex.FLAT) {
        FlatIndex flat = FlatIndexFile.read(map.open(LSA_INDEX, FlatIndexFile.FORMAT), indexOptions);
        dimension = flat.dimension();
        dense = flat;
      } else {
        HnswIndex hnsw = HnswIndexFile.read(map.open(LSA_INDEX, HnswIndexFile.FORMAT), options.parallelism());
        dimension = hnsw.dimension();
        dense = hnsw;
      }
      step.update(5);
      check(dense.ordCount() == corpus.size() && dimension == lsa.dimensions(), map.path(LSA_INDEX),
          dense.ordCount() + " vectors of dimension " + dimension + " for " + corpus.size()
              + " papers of dimension " + lsa.dimensions());
    }
    MapParts parts = new MapParts(options, corpus, new TfIdfResult(model, sparse.docs()), sparse, lsa, dense);
    if (!map.has(TOPICS)) {
      check(options.topics() == null, map.manifestPath(), "it lists topic options but no " + TOPICS);
      return parts;
    }
    MapTopics topics = MapTopicsFile.read(map.open(TOPICS, MapTopicsFile.FORMAT), corpus.size());
    step.update(lsa == null ? 4 : 6);
    return parts.withTopics(topics);
  }

  private static void check(boolean ok, Path file, String rule) throws CorruptFileException {
    if (!ok) {
      throw new CorruptFileException(file, -1, rule);
    }
  }
}
