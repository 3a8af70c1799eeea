package org.papermap.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.BytesRefHash;
import org.papermap.corpus.Paper;

/**
 * Term counts of a chunk of papers: a chunk-local term dictionary ({@link BytesRefHash}, UTF-8) and
 * per document the local term ids with their (title-weighted) counts, in CSR form.
 *
 * <p>Thread-safety: not thread-safe; built by one task, then read by the merging thread.
 */
final class TermCounts {
  /** Papers per analysis chunk; fixed so that results do not depend on the thread count. */
  static final int CHUNK_SIZE = 256;

  final BytesRefHash terms = new BytesRefHash();
  final int[] docStart;
  int[] ids = new int[1024];
  float[] counts = new float[1024];
  private int nnz;

  private final BytesRefBuilder scratch = new BytesRefBuilder();
  private float[] acc = new float[1024];
  private int[] touched = new int[256];
  private int nTouched;

  private TermCounts(int docs) {
    docStart = new int[docs + 1];
  }

  /** Analyzes papers {@code [from, to)} with a chunk-local dictionary. */
  static TermCounts count(List<Paper> papers, int from, int to, Analyzer analyzer, float titleWeight) {
    TermCounts c = new TermCounts(to - from);
    for (int d = from; d < to; d++) {
      Paper p = papers.get(d);
      if (titleWeight == 1f) {
        c.add(analyzer, p.text(), 1f);
      } else {
        if (titleWeight > 0f) {
          c.add(analyzer, p.title(), titleWeight);
        }
        c.add(analyzer, p.abstractText(), 1f);
      }
      c.endDocument(d - from);
    }
    return c;
  }

  private void add(Analyzer analyzer, String text, float weight) {
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        scratch.copyChars(term.buffer(), 0, term.length());
        int id = terms.add(scratch.get());
        if (id < 0) {
          id = -id - 1;
        }
        if (id >= acc.length) {
          acc = Arrays.copyOf(acc, Math.max(id + 1, acc.length * 2));
        }
        if (acc[id] == 0f) {
          if (nTouched == touched.length) {
            touched = Arrays.copyOf(touched, nTouched * 2);
          }
          touched[nTouched++] = id;
        }
        acc[id] += weight;
      }
      ts.end();
    } catch (IOException e) {
      // Analyzing a String does no I/O; a failure here is a bug in a filter.
      throw new UncheckedIOException("analysis failed", e);
    }
  }

  private void endDocument(int doc) {
    if (nnz + nTouched > ids.length) {
      int cap = Math.max(nnz + nTouched, ids.length * 2);
      ids = Arrays.copyOf(ids, cap);
      counts = Arrays.copyOf(counts, cap);
    }
    for (int i = 0; i < nTouched; i++) {
      int id = touched[i];
      ids[nnz] = id;
      counts[nnz++] = acc[id];
      acc[id] = 0f;
    }
    nTouched = 0;
    docStart[doc + 1] = nnz;
  }

  int docs() {
    return docStart.length - 1;
  }

  /** Reads the term bytes of local id {@code id} into {@code ref}. */
  BytesRef term(int id, BytesRef ref) {
    return terms.get(id, ref);
  }
}
