package org.papermap.topic.report;

import java.util.Arrays;
import org.papermap.topic.MapLayoutResult;

/**
 * The order papers are stored in the page: by the Morton (Z-order) code of their quantized map position,
 * ties by corpus ord. Papers near each other on the map, and so mostly each other's related papers, get
 * near page ords: the per-paper arrays vary smoothly and related papers are stored as small deltas, which
 * gzip compresses far better than random ords.
 *
 * <p>Thread-safety: immutable and safe.
 */
final class PageOrder {
  private final int[] corpusOrd; // page ord → corpus ord
  private final int[] pageOrd; // corpus ord → page ord
  private final short[] qx; // by corpus ord
  private final short[] qy;

  private PageOrder(int[] corpusOrd, int[] pageOrd, short[] qx, short[] qy) {
    this.corpusOrd = corpusOrd;
    this.pageOrd = pageOrd;
    this.qx = qx;
    this.qy = qy;
  }

  static PageOrder of(MapLayoutResult layout, float[] box) {
    int n = layout.size();
    short[] qx = new short[n];
    short[] qy = new short[n];
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      qx[i] = ReportPayload.quantize(layout.x(i), box[0], box[1]);
      qy[i] = ReportPayload.quantize(layout.y(i), box[2], box[3]);
      long code = interleave(Short.toUnsignedInt(qx[i])) | (interleave(Short.toUnsignedInt(qy[i])) << 1);
      keys[i] = (code << 31) | i; // code < 2^32 and i < 2^31: the key stays positive
    }
    Arrays.sort(keys);
    int[] corpusOrd = new int[n];
    int[] pageOrd = new int[n];
    for (int p = 0; p < n; p++) {
      corpusOrd[p] = (int) (keys[p] & Integer.MAX_VALUE);
      pageOrd[corpusOrd[p]] = p;
    }
    return new PageOrder(corpusOrd, pageOrd, qx, qy);
  }

  /** Spreads the 16 bits of {@code v} to the even bit positions of a 32-bit value. */
  static long interleave(int v) {
    long x = v & 0xFFFFL;
    x = (x | (x << 8)) & 0x00FF00FFL;
    x = (x | (x << 4)) & 0x0F0F0F0FL;
    x = (x | (x << 2)) & 0x33333333L;
    x = (x | (x << 1)) & 0x55555555L;
    return x;
  }

  int size() {
    return corpusOrd.length;
  }

  /** The corpus ord of the paper at page ord {@code page}. */
  int corpusOrd(int page) {
    return corpusOrd[page];
  }

  /** The page ord of corpus ord {@code ord}. */
  int pageOrd(int ord) {
    return pageOrd[ord];
  }

  /** The quantized x of corpus ord {@code ord}. */
  short x(int ord) {
    return qx[ord];
  }

  /** The quantized y of corpus ord {@code ord}. */
  short y(int ord) {
    return qy[ord];
  }

  /**
   * A neighbour stored relative to its paper: zigzag of {@code neighbourPage − page} (never 0, since a
   * paper is not its own neighbour), so 0 can mean "none".
   */
  static int zigzag(int page, int neighbourPage) {
    int d = neighbourPage - page;
    return (d << 1) ^ (d >> 31);
  }
}
