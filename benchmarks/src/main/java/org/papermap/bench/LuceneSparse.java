package org.papermap.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * Lucene's own top-k search as the peer of our exact sparse search: every paper's TF-IDF weights are
 * indexed as custom term frequencies ({@code round(w · 2^24)}, one token per term, field with freqs and
 * no norms, so Lucene keeps per-block impacts), and a {@link Similarity} scores {@code boost · freq /
 * 2^24}; the query is a disjunction of {@code TermQuery}s boosted by the query's weights. The score is
 * then the dot product of the two L2-normalized vectors, i.e. the cosine, up to the 2^-24 quantization,
 * and Lucene 10 evaluates it with its dynamic pruning for top-k disjunctions (block-max MaxScore / WAND
 * over the impacts) when the collector's total-hits threshold is k, as here. One segment in an {@link
 * MMapDirectory} under a temporary folder; doc id = row ord (one flush, {@link LogDocMergePolicy},
 * forceMerge(1)); ties go to the lower doc id, as ours go to the lower ord.
 *
 * <p>Thread-safety: safe for concurrent searches after construction (Lucene's searcher is).
 */
final class LuceneSparse implements AutoCloseable {
  static final String FIELD = "t";
  static final float SCALE = 1 << 24;
  private static final FieldType TYPE = new FieldType();

  static {
    TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    TYPE.setOmitNorms(true);
    TYPE.setTokenized(true);
    TYPE.freeze();
  }

  /** Score = query weight (boost) × indexed weight; no norms, no idf (already in the weights). */
  static final class StoredWeightSimilarity extends Similarity {
    @Override
    public SimScorer scorer(float boost, CollectionStatistics collection, TermStatistics... terms) {
      final float scale = boost / SCALE;
      return new SimScorer() {
        @Override
        public float score(float freq, long norm) {
          return scale * freq;
        }
      };
    }
  }

  private final Path tmp;
  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  LuceneSparse(SparseMatrix rows) throws IOException {
    tmp = Files.createTempDirectory("papermap-lucene-sparse");
    dir = new MMapDirectory(tmp);
    IndexWriterConfig cfg = new IndexWriterConfig();
    cfg.setSimilarity(new StoredWeightSimilarity());
    cfg.setRAMBufferSizeMB(4096);
    cfg.setMergePolicy(new LogDocMergePolicy());
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (int r = 0; r < rows.rows(); r++) {
        Document doc = new Document();
        doc.add(new Field(FIELD, new WeightedTerms(rows, r), TYPE));
        w.addDocument(doc);
      }
      w.forceMerge(1);
    }
    reader = DirectoryReader.open(dir);
    if (reader.leaves().size() != 1 || reader.maxDoc() != rows.rows()) {
      throw new IllegalStateException("expected one segment of " + rows.rows() + " docs, got "
          + reader.leaves().size() + " segments, " + reader.maxDoc() + " docs");
    }
    searcher = new IndexSearcher(reader);
    searcher.setSimilarity(new StoredWeightSimilarity());
  }

  static String term(int termOrd) {
    return Integer.toString(termOrd, Character.MAX_RADIX);
  }

  /** The query for a TF-IDF vector: SHOULD clauses, one per term, boosted by its weight. */
  static Query query(SparseVector q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < q.size(); i++) {
      b.add(new BoostQuery(new TermQuery(new Term(FIELD, term(q.index(i)))), q.value(i)),
          BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /** The best {@code k} docs, pruning as soon as k hits are collected (total hits not counted). */
  TopDocs search(Query q, int k) throws IOException {
    return searcher.search(q, new TopScoreDocCollectorManager(k, null, k));
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
    try (var files = Files.list(tmp)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    Files.delete(tmp);
  }

  /** One token per non-zero of a row, its term frequency the quantized weight. */
  private static final class WeightedTerms extends TokenStream {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final TermFrequencyAttribute freqAtt = addAttribute(TermFrequencyAttribute.class);
    private final SparseMatrix rows;
    private final int row;
    private int next;

    WeightedTerms(SparseMatrix rows, int row) {
      this.rows = rows;
      this.row = row;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = rows.rowStart(row);
    }

    @Override
    public boolean incrementToken() {
      if (next >= rows.rowEnd(row)) {
        return false;
      }
      clearAttributes();
      termAtt.setEmpty().append(term(rows.colIndex(next)));
      freqAtt.setTermFrequency(Math.max(1, Math.round(rows.value(next) * SCALE)));
      next++;
      return true;
    }
  }
}
