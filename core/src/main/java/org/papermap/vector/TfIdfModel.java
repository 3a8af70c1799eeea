package org.papermap.vector;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRefBuilder;
import org.papermap.corpus.Paper;
import org.papermap.internal.Parallel;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.TfIdfOptions.Norm;
import org.papermap.vector.TfIdfOptions.Tf;

/**
 * A fitted TF-IDF model: the vocabulary, the idf of each term and the options that produced them.
 * Turns papers into sparse TF-IDF vectors; terms not in the vocabulary are ignored.
 *
 * <p>Files: {@link TfIdfModelFile} saves and opens models.
 *
 * <p>Thread-safety: immutable and safe for concurrent use (the analyzer keeps per-thread state).
 */
public final class TfIdfModel {

  private final TfIdfOptions options;
  private final Vocabulary vocabulary;
  private final double[] idf;
  private final int documentCount;
  private final PaperAnalyzer analyzer;

  TfIdfModel(
      TfIdfOptions options,
      Vocabulary vocabulary,
      double[] idf,
      int documentCount,
      PaperAnalyzer analyzer) {
    this.options = options;
    this.vocabulary = vocabulary;
    this.idf = idf;
    this.documentCount = documentCount;
    this.analyzer = analyzer;
  }

  /** The options that produced this model (the executor is null for a model read from a file). */
  public TfIdfOptions options() {
    return options;
  }

  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Number of documents the model was fitted on. */
  public int documentCount() {
    return documentCount;
  }

  /** The idf of term {@code termOrd}. */
  public double idf(int termOrd) {
    Objects.checkIndex(termOrd, idf.length);
    return idf[termOrd];
  }

  /** The term with ordinal {@code ord}. */
  public String term(int ord) {
    return vocabulary.term(ord);
  }

  /** The ordinal of {@code term}, or -1 if it is not in the vocabulary. */
  public int termOrd(String term) {
    return vocabulary.ord(term);
  }

  /** The TF-IDF vector of one paper (empty if none of its terms is in the vocabulary). */
  public SparseVector transform(Paper paper) {
    Objects.requireNonNull(paper, "paper");
    SparseMatrix m = transform(List.of(paper));
    return m.row(0);
  }

  /**
   * The TF-IDF matrix of {@code papers}, one row per paper in order, computed in parallel as set in
   * the options; identical for any thread count.
   */
  public SparseMatrix transform(List<Paper> papers) {
    Objects.requireNonNull(papers, "papers");
    for (int i = 0; i < papers.size(); i++) {
      Objects.requireNonNull(papers.get(i), "papers[" + i + "]");
    }
    List<RowBlock> blocks = new ArrayList<>();
    Parallel.forChunksInOrder(
        papers.size(),
        TermCounts.CHUNK_SIZE,
        options.parallelism(),
        options.executor(),
        (from, to) -> new Transformer().run(papers, from, to),
        blocks::add);
    return concat(blocks, papers.size());
  }

  /** Rows of chunks whose ids were rewritten to global ids; {@code newOrd} maps them to ords. */
  SparseMatrix weighChunks(List<TermCounts> chunks, int[] newOrd) {
    List<RowBlock> blocks = new ArrayList<>(chunks.size());
    int docs = 0;
    for (TermCounts c : chunks) {
      docs += c.docs();
    }
    Parallel.forChunksInOrder(
        chunks.size(),
        1,
        options.parallelism(),
        options.executor(),
        (from, to) -> {
          TermCounts c = chunks.get(from);
          Weigher w = new Weigher();
          RowBlock b = new RowBlock(c.docs(), c.docStart[c.docs()]);
          long[] packed = new long[64];
          for (int d = 0; d < c.docs(); d++) {
            int s = c.docStart[d];
            int e = c.docStart[d + 1];
            if (packed.length < e - s) {
              packed = new long[Math.max(e - s, packed.length * 2)];
            }
            int k = 0;
            for (int i = s; i < e; i++) {
              int ord = newOrd[c.ids[i]];
              if (ord >= 0) {
                packed[k++] = ((long) ord << 32) | (Float.floatToRawIntBits(c.counts[i]) & 0xFFFFFFFFL);
              }
            }
            Arrays.sort(packed, 0, k);
            w.addRow(b, packed, k);
          }
          return b;
        },
        blocks::add);
    return concat(blocks, docs);
  }

  private SparseMatrix concat(List<RowBlock> blocks, int rows) {
    long nnz = 0;
    for (RowBlock b : blocks) {
      nnz += b.nnz;
    }
    if (nnz > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("too many non-zeros for one matrix: " + nnz);
    }
    int[] rowPtr = new int[rows + 1];
    int[] cols = new int[(int) nnz];
    float[] vals = new float[(int) nnz];
    int r = 0;
    int p = 0;
    for (RowBlock b : blocks) {
      for (int i = 0; i < b.rows; i++) {
        rowPtr[r + i + 1] = p + b.rowPtr[i + 1];
      }
      System.arraycopy(b.cols, 0, cols, p, b.nnz);
      System.arraycopy(b.vals, 0, vals, p, b.nnz);
      r += b.rows;
      p += b.nnz;
    }
    return SparseMatrix.ofOwned(rows, vocabulary.size(), rowPtr, cols, vals);
  }

  /** CSR rows of one chunk. */
  private static final class RowBlock {
    final int rows;
    final int[] rowPtr;
    int[] cols;
    float[] vals;
    int nnz;
    int filled;

    RowBlock(int rows, int capacity) {
      this.rows = rows;
      this.rowPtr = new int[rows + 1];
      this.cols = new int[Math.max(16, capacity)];
      this.vals = new float[Math.max(16, capacity)];
    }

    void ensure(int extra) {
      if (nnz + extra > cols.length) {
        int cap = Math.max(nnz + extra, cols.length * 2);
        cols = Arrays.copyOf(cols, cap);
        vals = Arrays.copyOf(vals, cap);
      }
    }
  }

  /** Turns sorted (ord, count) pairs into weighted, normalized rows; holds a scratch buffer. */
  private final class Weigher {
    private double[] w = new double[64];

    /** {@code packed[i] = ord << 32 | floatBits(count)}, sorted by ord. */
    void addRow(RowBlock b, long[] packed, int k) {
      if (w.length < k) {
        w = new double[Math.max(k, w.length * 2)];
      }
      final Tf tf = options.tf();
      double sumSq = 0;
      double sumAbs = 0;
      for (int i = 0; i < k; i++) {
        int ord = (int) (packed[i] >>> 32);
        double c = Float.intBitsToFloat((int) packed[i]);
        double t =
            switch (tf) {
              case RAW -> c;
              case SUBLINEAR -> c >= 1.0 ? 1.0 + Math.log(c) : c;
              case BINARY -> 1.0;
            };
        double x = t * idf[ord];
        w[i] = x;
        sumSq += x * x;
        sumAbs += Math.abs(x);
      }
      double scale =
          switch (options.norm()) {
            case L2 -> sumSq > 0 ? 1.0 / Math.sqrt(sumSq) : 1.0;
            case L1 -> sumAbs > 0 ? 1.0 / sumAbs : 1.0;
            case NONE -> 1.0;
          };
      b.ensure(k);
      final boolean divide = options.norm() == Norm.L2 && sumSq > 0;
      final double norm = Math.sqrt(sumSq);
      for (int i = 0; i < k; i++) {
        b.cols[b.nnz] = (int) (packed[i] >>> 32);
        // divide by the L2 norm as scikit-learn does, so results match it to the last bit more often
        b.vals[b.nnz++] = (float) (divide ? w[i] / norm : w[i] * scale);
      }
      b.rowPtr[++b.filled] = b.nnz;
    }
  }

  /** Analyzes papers against the fixed vocabulary; one per task. */
  private final class Transformer {
    private final BytesRefBuilder scratch = new BytesRefBuilder();
    private final float[] acc = new float[vocabulary.size()];
    private int[] touched = new int[256];
    private int nTouched;

    RowBlock run(List<Paper> papers, int from, int to) {
      RowBlock b = new RowBlock(to - from, (to - from) * 64);
      Weigher w = new Weigher();
      long[] packed = new long[256];
      float titleWeight = options.titleWeight();
      for (int d = from; d < to; d++) {
        Paper p = papers.get(d);
        if (titleWeight == 1f) {
          add(p.text(), 1f);
        } else {
          if (titleWeight > 0f) {
            add(p.title(), titleWeight);
          }
          add(p.abstractText(), 1f);
        }
        Arrays.sort(touched, 0, nTouched);
        if (packed.length < nTouched) {
          packed = new long[Math.max(nTouched, packed.length * 2)];
        }
        for (int i = 0; i < nTouched; i++) {
          int ord = touched[i];
          packed[i] = ((long) ord << 32) | (Float.floatToRawIntBits(acc[ord]) & 0xFFFFFFFFL);
          acc[ord] = 0f;
        }
        w.addRow(b, packed, nTouched);
        nTouched = 0;
      }
      return b;
    }

    private void add(String text, float weight) {
      try (TokenStream ts = analyzer.tokenStream("text", text)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        while (ts.incrementToken()) {
          scratch.copyChars(term.buffer(), 0, term.length());
          int ord = vocabulary.ord(scratch.bytes(), 0, scratch.length());
          if (ord < 0) {
            continue;
          }
          if (acc[ord] == 0f) {
            if (nTouched == touched.length) {
              touched = Arrays.copyOf(touched, nTouched * 2);
            }
            touched[nTouched++] = ord;
          }
          acc[ord] += weight;
        }
        ts.end();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("analysis failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "TfIdfModel[" + vocabulary.size() + " terms, " + documentCount + " documents, " + options + "]";
  }
}
