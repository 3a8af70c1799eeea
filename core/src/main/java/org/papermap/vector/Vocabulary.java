package org.papermap.vector;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.util.StringHelper;

/**
 * A sorted term dictionary: dense term ordinals {@code 0..size()-1} in Unicode code-point order of
 * the terms (scikit-learn's order, which is Python {@code str} order; not Java's UTF-16 order, which
 * differs for supplementary characters).
 *
 * <p>Layout: the UTF-8 bytes of all terms concatenated in ord order, an {@code int[size + 1]} of
 * offsets, and an open-addressing hash table of {@code int} ords (load factor at most 1/2) for O(1)
 * lookups. Unsigned byte order of UTF-8 equals code-point order, so the sort needs no decoding. See
 * {@link #bytesUsed()} for the measured size.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class Vocabulary {
  private static final int HASH_SEED = 0x9747b28c;

  private final byte[] bytes;
  private final int[] offsets;
  private final int[] table; // ord + 1, or 0 for an empty slot
  private final int mask;

  private Vocabulary(byte[] bytes, int[] offsets) {
    this.bytes = bytes;
    this.offsets = offsets;
    int n = offsets.length - 1;
    int cap = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1;
    this.table = new int[cap];
    this.mask = cap - 1;
    for (int ord = 0; ord < n; ord++) {
      int start = offsets[ord];
      int slot = StringHelper.murmurhash3_x86_32(bytes, start, offsets[ord + 1] - start, HASH_SEED) & mask;
      while (table[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      table[slot] = ord + 1;
    }
  }

  /**
   * Builds a vocabulary from terms in any order; duplicates are merged.
   *
   * @throws IllegalArgumentException if a term is empty
   */
  public static Vocabulary of(Collection<String> terms) {
    Objects.requireNonNull(terms, "terms");
    byte[][] utf8 = new byte[terms.size()][];
    int i = 0;
    for (String t : terms) {
      Objects.requireNonNull(t, "terms[" + i + "]");
      if (t.isEmpty()) {
        throw new IllegalArgumentException("terms[" + i + "] is empty");
      }
      utf8[i++] = t.getBytes(StandardCharsets.UTF_8);
    }
    Arrays.sort(utf8, Arrays::compareUnsigned);
    int total = 0;
    int n = 0;
    for (int j = 0; j < utf8.length; j++) {
      if (j == 0 || Arrays.compareUnsigned(utf8[j - 1], utf8[j]) != 0) {
        utf8[n++] = utf8[j];
        total += utf8[j].length;
      }
    }
    byte[] bytes = new byte[total];
    int[] offsets = new int[n + 1];
    for (int j = 0; j < n; j++) {
      System.arraycopy(utf8[j], 0, bytes, offsets[j], utf8[j].length);
      offsets[j + 1] = offsets[j] + utf8[j].length;
    }
    return new Vocabulary(bytes, offsets);
  }

  /**
   * Wraps concatenated UTF-8 terms that must already be strictly increasing in unsigned byte order.
   *
   * @throws IllegalArgumentException if the offsets are malformed, a term is empty or the terms are
   *     not strictly increasing
   */
  static Vocabulary ofSortedUtf8(byte[] bytes, int[] offsets) {
    if (offsets.length < 1 || offsets[0] != 0 || offsets[offsets.length - 1] != bytes.length) {
      throw new IllegalArgumentException("offsets must start at 0 and end at " + bytes.length);
    }
    for (int ord = 0; ord + 1 < offsets.length; ord++) {
      if (offsets[ord + 1] <= offsets[ord]) {
        throw new IllegalArgumentException("term " + ord + " is empty or offsets decrease");
      }
      if (ord > 0
          && Arrays.compareUnsigned(
                  bytes, offsets[ord - 1], offsets[ord], bytes, offsets[ord], offsets[ord + 1])
              >= 0) {
        throw new IllegalArgumentException("terms are not strictly increasing at ord " + ord);
      }
    }
    return new Vocabulary(bytes, offsets);
  }

  /** Number of terms. */
  public int size() {
    return offsets.length - 1;
  }

  /** The term with ordinal {@code ord}. */
  public String term(int ord) {
    Objects.checkIndex(ord, size());
    return new String(bytes, offsets[ord], offsets[ord + 1] - offsets[ord], StandardCharsets.UTF_8);
  }

  /** The ordinal of {@code term}, or -1 if it is not in the vocabulary. */
  public int ord(String term) {
    byte[] b = Objects.requireNonNull(term, "term").getBytes(StandardCharsets.UTF_8);
    return ord(b, 0, b.length);
  }

  /** The ordinal of the UTF-8 term {@code b[off..off+len)}, or -1. */
  int ord(byte[] b, int off, int len) {
    int slot = StringHelper.murmurhash3_x86_32(b, off, len, HASH_SEED) & mask;
    while (true) {
      int e = table[slot];
      if (e == 0) {
        return -1;
      }
      int ord = e - 1;
      int s = offsets[ord];
      if (Arrays.equals(bytes, s, offsets[ord + 1], b, off, off + len)) {
        return ord;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Concatenated UTF-8 bytes (not copied: package-private for the codec). */
  byte[] utf8Bytes() {
    return bytes;
  }

  int[] utf8Offsets() {
    return offsets;
  }

  /** Bytes held by the term bytes, the offsets and the hash table (array payloads only). */
  public long bytesUsed() {
    return bytes.length + 4L * offsets.length + 4L * table.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Vocabulary v && Arrays.equals(bytes, v.bytes) && Arrays.equals(offsets, v.offsets);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + Arrays.hashCode(offsets);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "Vocabulary[%d terms, %d bytes]", size(), bytesUsed());
  }

  /**
   * A document-frequency bound as scikit-learn's {@code min_df} / {@code max_df}: an absolute count
   * of documents (an int ≥ 1) or a fraction of the documents in (0, 1].
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param value the count or the fraction
   * @param fraction whether {@code value} is a fraction
   */
  public record Bound(double value, boolean fraction) {
    public Bound {
      if (fraction) {
        if (!(value > 0 && value <= 1)) {
          throw new IllegalArgumentException("a document-frequency fraction must be in (0, 1], got " + value);
        }
      } else if (!(value >= 1 && value == Math.rint(value) && value <= Integer.MAX_VALUE)) {
        throw new IllegalArgumentException("a document-frequency count must be an integer >= 1, got " + value);
      }
    }

    /** At least / at most {@code documents} documents. */
    public static Bound count(int documents) {
      return new Bound(documents, false);
    }

    /** At least / at most this fraction of the documents. */
    public static Bound fraction(double fraction) {
      return new Bound(fraction, true);
    }

    /** The bound in documents for a corpus of {@code nDocs}: {@code value * nDocs} for a fraction. */
    public double resolve(int nDocs) {
      return fraction ? value * nDocs : value;
    }

    /** "count:N" or "fraction:F", read back by {@link #decode}. */
    public String encode() {
      return fraction ? "fraction:" + value : "count:" + (long) value;
    }

    /**
     * @throws IllegalArgumentException if {@code s} is not a value written by {@link #encode}
     */
    public static Bound decode(String s) {
      Objects.requireNonNull(s, "s");
      try {
        if (s.startsWith("fraction:")) {
          return fraction(Double.parseDouble(s.substring(9)));
        }
        if (s.startsWith("count:")) {
          return count(Integer.parseInt(s.substring(6)));
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("malformed document-frequency bound '" + s + "'", e);
      }
      throw new IllegalArgumentException("malformed document-frequency bound '" + s + "'");
    }

    @Override
    public String toString() {
      return encode();
    }
  }

  /**
   * Chooses the terms to keep, as scikit-learn's {@code _limit_features}: terms with {@code minDf <=
   * df <= maxDf} (both resolved against {@code nDocs}), then, if more than {@code maxFeatures}
   * remain, the {@code maxFeatures} with the highest corpus frequency, ties broken by the lower
   * ordinal (scikit-learn's tie order is not reproducible; see golden/README.md).
   *
   * @param df document frequency of each candidate, candidates in term order
   * @param totals corpus frequency (sum of counts) of each candidate
   * @return the kept candidate indices, increasing
   * @throws IllegalArgumentException "max_df corresponds to < documents than min_df" or "After
   *     pruning, no terms remain" as scikit-learn
   */
  static int[] prune(int[] df, double[] totals, int n, int nDocs, Bound minDf, Bound maxDf, int maxFeatures) {
    double high = maxDf.resolve(nDocs);
    double low = minDf.resolve(nDocs);
    if (high < low) {
      throw new IllegalArgumentException(
          "max_df corresponds to < documents than min_df (maxDf=" + maxDf + " -> " + high
              + " documents, minDf=" + minDf + " -> " + low + " documents, of " + nDocs + ")");
    }
    int[] kept = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (df[i] <= high && df[i] >= low) {
        kept[k++] = i;
      }
    }
    if (k == 0) {
      throw new IllegalArgumentException(
          "After pruning, no terms remain. Try a lower min_df or a higher max_df. (minDf=" + minDf
              + ", maxDf=" + maxDf + ", " + nDocs + " documents)");
    }
    if (k > maxFeatures) {
      double[] t = new double[k];
      for (int j = 0; j < k; j++) {
        t[j] = totals[kept[j]];
      }
      int[] order = sortByDescendingTotal(t, k);
      int[] top = Arrays.copyOf(order, maxFeatures);
      for (int j = 0; j < maxFeatures; j++) {
        top[j] = kept[top[j]];
      }
      Arrays.sort(top);
      return top;
    }
    return Arrays.copyOf(kept, k);
  }

  /** Indices 0..k-1 by descending t, ties by ascending index; a stable merge sort on ints. */
  private static int[] sortByDescendingTotal(double[] t, int k) {
    int[] a = new int[k];
    for (int i = 0; i < k; i++) {
      a[i] = i;
    }
    int[] tmp = new int[k];
    for (int width = 1; width < k; width *= 2) {
      for (int lo = 0; lo < k - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, k);
        int i = lo;
        int j = mid;
        int o = lo;
        while (i < mid && j < hi) {
          tmp[o++] = t[a[j]] > t[a[i]] ? a[j++] : a[i++];
        }
        while (i < mid) {
          tmp[o++] = a[i++];
        }
        while (j < hi) {
          tmp[o++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
    return a;
  }
}
