package org.papermap.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.papermap.vector.SparseMatrix;

class BlockMaximaTest {
  @Test
  void givenZipfianDocs_whenBuilt_thenEachFrequentTermHasItsBlockMaximaAndStarts() {
    SparseMatrix docs = TestData.sparseDocs(3, 1000, 400, 20, false);
    SparseMatrix t = docs.transpose();
    int[] ptr = t.rowPointers();
    int[] doc = t.columnIndices();
    float[] w = t.values();
    BlockMaxima b = BlockMaxima.of(ptr, doc, w, docs.rows(), 0.25);
    int blocks = BlockMaxima.blockCount(docs.rows());
    assertEquals(63, blocks);
    int frequent = 0;
    for (int term = 0; term < t.rows(); term++) {
      int df = ptr[term + 1] - ptr[term];
      if (df <= 250) {
        assertEquals(-1, b.slot(term), "term " + term + " df " + df);
        continue;
      }
      frequent++;
      float[] expected = new float[blocks];
      for (int p = ptr[term]; p < ptr[term + 1]; p++) {
        int blk = doc[p] >> BlockMaxima.BLOCK_SHIFT;
        expected[blk] = Math.max(expected[blk], w[p]);
      }
      int s = b.slot(term);
      for (int blk = 0; blk < blocks; blk++) {
        assertEquals(expected[blk], b.maxima(s)[blk], "term " + term + " block " + blk);
        int[] starts = b.starts(s);
        for (int p = starts[blk]; p < starts[blk + 1]; p++) {
          assertEquals(blk, doc[p] >> BlockMaxima.BLOCK_SHIFT);
        }
      }
      assertEquals(ptr[term], b.starts(s)[0]);
      assertEquals(ptr[term + 1], b.starts(s)[blocks]);
    }
    assertEquals(frequent, b.frequentTerms());
    assertTrue(frequent > 0, "the Zipfian head must hold frequent terms");
  }
}
