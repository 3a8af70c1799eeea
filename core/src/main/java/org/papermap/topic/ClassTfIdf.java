package org.papermap.topic;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.papermap.internal.Parallel;
import org.papermap.vector.SparseMatrix;
import org.papermap.vector.SparseVector;

/**
 * Class-based TF-IDF (c-TF-IDF, Grootendorst 2022, "BERTopic", arXiv:2203.05794): the papers of a topic
 * are joined into one document and weighed against the other topics.
 *
 * <p>With {@code T(c,t)} the count of term {@code t} in the papers of class {@code c}, {@code f(t) =
 * Σ_c T(c,t)} and {@code A} the mean number of words per class (noise is a class here, as in BERTopic):
 *
 * <pre>
 *   tf(c,t)  = T(c,t) / Σ_t' T(c,t')                 (L1 per class; √ of it with frequent-word damping)
 *   idf(t)   = ln(1 + A / f(t))                       (default)
 *            = ln(1 + (A − f(t) + 0.5) / (f(t) + 0.5)) (BM25 weighting)
 *   W(c,t)   = tf(c,t) · idf(t)
 * </pre>
 *
 * BERTopic truncates {@code A} to an integer; we keep it exact. A paper's keyword vector is its counts
 * transformed the same way (L1, optional √, × idf); keyword similarity is the cosine of the two.
 *
 * <p>Thread-safety: immutable and safe after {@link #fit}.
 */
final class ClassTfIdf {
  private final double[] idf;
  private final SparseVector[] weights; // per topic, by term ord
  private final double[] norms; // L2 norm of each topic's weights
  private final boolean damping;
  // term → topics holding it (CSR), with the weights divided by the topic norm, for similarity scans
  private final int[] termPtr;
  private final int[] termTopics;
  private final float[] termWeights;

  private ClassTfIdf(double[] idf, SparseVector[] weights, boolean damping) {
    this.idf = idf;
    this.weights = weights;
    this.damping = damping;
    int k = weights.length;
    this.norms = new double[k];
    int nnz = 0;
    for (int c = 0; c < k; c++) {
      norms[c] = weights[c].norm();
      nnz += weights[c].size();
    }
    SparseMatrix byTopic = SparseMatrix.ofRows(idf.length, weights);
    SparseMatrix byTerm = byTopic.transpose();
    termPtr = byTerm.rowPointers();
    termTopics = byTerm.columnIndices();
    termWeights = new float[nnz];
    for (int i = 0; i < nnz; i++) {
      double norm = norms[termTopics[i]];
      termWeights[i] = norm > 0 ? (float) (byTerm.value(i) / norm) : 0f;
    }
  }

  /**
   * Weighs the classes of {@code members}.
   *
   * @param counts papers × terms raw counts
   * @param members the paper ords of each topic, ascending
   * @param noise the ords of noise papers (a class for the idf only), possibly empty
   */
  static ClassTfIdf fit(
      SparseMatrix counts,
      List<int[]> members,
      int[] noise,
      boolean bm25,
      boolean damping,
      int parallelism,
      Executor executor) {
    int k = members.size();
    int v = counts.cols();
    double[] frequency = new double[v];
    double total = 0;
    for (int r = 0; r < counts.rows(); r++) {
      for (int i = counts.rowStart(r); i < counts.rowEnd(r); i++) {
        frequency[counts.colIndex(i)] += counts.value(i);
        total += counts.value(i);
      }
    }
    int classes = k + (noise.length > 0 ? 1 : 0);
    double avgWords = total / classes;
    double[] idf = new double[v];
    for (int t = 0; t < v; t++) {
      double f = frequency[t];
      idf[t] =
          f == 0
              ? 0
              : bm25 ? Math.log(1 + (avgWords - f + 0.5) / (f + 0.5)) : Math.log(1 + avgWords / f);
    }
    SparseVector[] weights = new SparseVector[k];
    List<TermAccumulator> scratch = Parallel.perWorker(parallelism, w -> new TermAccumulator(v));
    Parallel.forRange(
        k,
        1,
        parallelism,
        executor,
        (w, from, to) -> {
          TermAccumulator acc = scratch.get(w);
          for (int c = from; c < to; c++) {
            weights[c] = acc.classWeights(counts, members.get(c), idf, damping);
          }
        });
    return new ClassTfIdf(idf, weights, damping);
  }

  /** Number of topics. */
  int topicCount() {
    return weights.length;
  }

  /** The weights of topic {@code c}, by term ord. */
  SparseVector weights(int c) {
    return weights[c];
  }

  /** The idf of term {@code t}. */
  double idf(int t) {
    return idf[t];
  }

  /** The L2 norm of topic {@code c}'s weights. */
  double norm(int c) {
    return norms[c];
  }

  /**
   * Writes into {@code out[c]} the cosine between the keyword vector of paper {@code row} of {@code
   * counts} and topic {@code c}; all 0 for a paper with no weighted term.
   */
  void similarities(SparseMatrix counts, int row, double[] out) {
    Arrays.fill(out, 0);
    int from = counts.rowStart(row);
    int to = counts.rowEnd(row);
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += counts.value(i);
    }
    if (sum <= 0) {
      return;
    }
    double sumSq = 0;
    for (int i = from; i < to; i++) {
      int t = counts.colIndex(i);
      double x = paperWeight(counts.value(i), sum, t);
      sumSq += x * x;
      for (int j = termPtr[t]; j < termPtr[t + 1]; j++) {
        out[termTopics[j]] += x * termWeights[j];
      }
    }
    if (sumSq > 0) {
      double norm = Math.sqrt(sumSq);
      for (int c = 0; c < out.length; c++) {
        out[c] /= norm;
      }
    }
  }

  /** {@link #similarities(SparseMatrix, int, double[])} for the counts of a paper outside the corpus. */
  void similarities(SparseVector paperCounts, double[] out) {
    similarities(SparseMatrix.ofRows(idf.length, paperCounts), 0, out);
  }

  private double paperWeight(float count, double rowSum, int term) {
    double tf = count / rowSum;
    return (damping ? Math.sqrt(tf) : tf) * idf[term];
  }

  /** Cosine of the weights of topics {@code a} and {@code b}. */
  double cosine(int a, int b) {
    double d = weights[a].dot(weights[b]);
    double n = norms[a] * norms[b];
    return n > 0 ? d / n : 0;
  }

  /** Sums counts of one class into a dense scratch row and emits the weighted sparse row. */
  private static final class TermAccumulator {
    private final double[] sums;
    private int[] touched = new int[1024];

    TermAccumulator(int terms) {
      sums = new double[terms];
    }

    SparseVector classWeights(SparseMatrix counts, int[] papers, double[] idf, boolean damping) {
      int nTouched = 0;
      double total = 0;
      for (int ord : papers) {
        for (int i = counts.rowStart(ord); i < counts.rowEnd(ord); i++) {
          int t = counts.colIndex(i);
          float c = counts.value(i);
          if (c == 0f) {
            continue;
          }
          if (sums[t] == 0) {
            if (nTouched == touched.length) {
              touched = Arrays.copyOf(touched, nTouched * 2);
            }
            touched[nTouched++] = t;
          }
          sums[t] += c;
          total += c;
        }
      }
      Arrays.sort(touched, 0, nTouched);
      int[] idx = new int[nTouched];
      float[] val = new float[nTouched];
      int m = 0;
      for (int i = 0; i < nTouched; i++) {
        int t = touched[i];
        double tf = sums[t] / total;
        double w = (damping ? Math.sqrt(tf) : tf) * idf[t];
        sums[t] = 0;
        if (w > 0) {
          idx[m] = t;
          val[m++] = (float) w;
        }
      }
      return SparseVector.of(idx, val, m);
    }
  }
}
