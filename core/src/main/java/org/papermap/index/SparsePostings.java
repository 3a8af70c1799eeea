package org.papermap.index;

import java.util.Arrays;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * The inverted index that both sparse search algorithms ({@link MaxScoreSearch}, {@link
 * BlockMaxSearch}) read: the CSR transpose of the document matrix, i.e. for each term its postings
 * (doc ord, weight) in ascending doc order, with each term's largest and smallest weight and the
 * per-block bounds of the frequent terms; plus the rows themselves for exact rescoring.
 *
 * <p>Thread-safety: immutable after construction; the arrays are read by the searchers, never
 * written.
 */
final class SparsePostings {
  /** float's machine epsilon: the unit of the rounding margins of both searches. */
  static final double FLOAT_EPS = 0x1p-23;

  /**
   * Terms in more than this fraction of the docs are "frequent": they get per-block max weights and
   * block offsets, and the block-max search adds them only in blocks that can still reach the top k.
   * 1/4 was the fastest of 0.0625–0.45 on 118k arxiv-daily abstracts (docs/bench/related.md).
   */
  static final double FREQUENT_DF_FRACTION = 0.25;

  final SparseMatrix docs;
  // Term t's postings are [postPtr[t], postPtr[t + 1]).
  final int[] postPtr;
  final int[] postDoc;
  final float[] postW;
  final float[] maxWeight;
  final float[] minWeight;
  // Block-max preconditions: every weight >= 0, and the smallest positive one.
  final boolean nonNegative;
  final float minPositiveWeight;
  final BlockMaxima blocks;

  SparsePostings(SparseMatrix docs) {
    this.docs = docs;
    int terms = docs.cols();
    // The CSR transpose by counting sort, built here because SparseMatrix only hands out copies of
    // its arrays (transpose() and then copying them would hold the postings three times).
    postPtr = new int[terms + 1];
    for (int i = 0; i < docs.nnz(); i++) {
      postPtr[docs.colIndex(i) + 1]++;
    }
    for (int t = 0; t < terms; t++) {
      postPtr[t + 1] += postPtr[t];
    }
    postDoc = new int[docs.nnz()];
    postW = new float[docs.nnz()];
    int[] next = Arrays.copyOf(postPtr, terms);
    for (int r = 0; r < docs.rows(); r++) {
      for (int i = docs.rowStart(r); i < docs.rowEnd(r); i++) {
        int dst = next[docs.colIndex(i)]++;
        postDoc[dst] = r;
        postW[dst] = docs.value(i);
      }
    }
    maxWeight = new float[terms];
    minWeight = new float[terms];
    float minPositive = Float.MAX_VALUE;
    boolean anyNegative = false;
    for (int t = 0; t < terms; t++) {
      float max = 0f;
      float min = 0f;
      for (int i = postPtr[t]; i < postPtr[t + 1]; i++) {
        float w = postW[i];
        max = Math.max(max, w);
        min = Math.min(min, w);
        if (w > 0f && w < minPositive) {
          minPositive = w;
        }
      }
      maxWeight[t] = max;
      minWeight[t] = min;
      anyNegative |= min < 0f;
    }
    nonNegative = !anyNegative;
    minPositiveWeight = minPositive;
    blocks = BlockMaxima.of(postPtr, postDoc, postW, docs.rows(), FREQUENT_DF_FRACTION);
  }

  /** Number of indexed docs. */
  int docCount() {
    return docs.rows();
  }

  /** {@code (float) sum(q_t * d_t)} in ascending term order, accumulated in double. */
  float exactScore(SparseVector q, int doc) {
    int i = 0;
    int j = docs.rowStart(doc);
    int end = docs.rowEnd(doc);
    int qn = q.size();
    double sum = 0;
    while (i < qn && j < end) {
      int a = q.index(i);
      int b = docs.colIndex(j);
      if (a == b) {
        sum += (double) q.value(i++) * docs.value(j++);
      } else if (a < b) {
        i++;
      } else {
        j++;
      }
    }
    return (float) sum;
  }

  /** Binary search for {@code doc} in the postings of {@code term}; -1 when absent. */
  int findPosting(int term, int doc) {
    int lo = postPtr[term];
    int hi = postPtr[term + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int d = postDoc[mid];
      if (d < doc) {
        lo = mid + 1;
      } else if (d > doc) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
