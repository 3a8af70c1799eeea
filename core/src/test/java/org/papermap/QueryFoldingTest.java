package org.papermap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.papermap.vector.Lsa;
import org.papermap.vector.LsaModel;
import org.papermap.vector.SparseVector;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfVectorizer;

class QueryFoldingTest {
  private static final TfIdfResult TFIDF =
      new TfIdfVectorizer(TfIdfOptions.builder().minDf(1).maxDfFraction(1.0).build())
          .fitTransform(SpecificTermsFixture.corpus());
  private static final LsaModel LSA =
      LsaModel.fit(TFIDF.matrix(), Lsa.Options.builder().dimensions(4).seed(7).build());

  private static SparseVector query() {
    return TFIDF.model().transform(org.papermap.corpus.Paper.of("q", SpecificTermsFixture.QUERY, ""));
  }

  @Test
  void givenGammaZero_whenFolded_thenPlainFoldIn() {
    assertArrayEquals(LSA.transform(query()), QueryFolding.of(LSA, 0).fold(query()));
  }

  @Test
  void givenGammaOne_whenFolded_thenEachTermScaledByItsCapturedShareToTheMinusHalfCappedAtTen() {
    // Given the query and each of its terms' captured share, computed here from the basis
    SparseVector q = query();
    int[] idx = q.indices();
    float[] val = q.values();
    for (int i = 0; i < idx.length; i++) {
      double captured = 0;
      for (int j = 0; j < LSA.dimensions(); j++) {
        captured += (double) LSA.component(j, idx[i]) * LSA.component(j, idx[i]);
      }
      double factor = Math.min(10, 1 / Math.sqrt(captured));
      val[i] *= (float) factor;
    }
    // When folded with γ = 1, then it equals the plain fold-in of the scaled query
    assertArrayEquals(LSA.transform(SparseVector.of(idx, val)), QueryFolding.of(LSA, 1).fold(q), 1e-6f);
    // and differs from the plain fold-in: four dimensions hold the query's terms unequally
    assertFalse(java.util.Arrays.equals(LSA.transform(q), QueryFolding.of(LSA, 1).fold(q)));
  }

  @Test
  void givenEmptyQuery_whenFolded_thenZeroVector() {
    assertArrayEquals(new float[LSA.dimensions()], QueryFolding.of(LSA, 1).fold(SparseVector.empty()));
  }
}
