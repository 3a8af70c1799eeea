package org.papermap.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LsaModelTest {
  private static JsonNode golden;
  private static SparseMatrix seedTfIdf;

  @BeforeAll
  static void loadGolden() throws IOException {
    try (InputStream in = LsaModelTest.class.getResourceAsStream("/golden/lsa/seed-papers-lsa.json")) {
      golden = new ObjectMapper().readTree(in);
    }
    seedTfIdf =
        SparseMatrix.of(
            golden.get("rows").asInt(),
            golden.get("cols").asInt(),
            ints(golden.get("row_ptr")),
            ints(golden.get("col_idx")),
            floats(golden.get("values")));
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  private static float[] floats(JsonNode a) {
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) a.get(i).asDouble();
    }
    return out;
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  @Test
  void givenSeedPaperTfIdf_whenFitToConvergence_thenMatchesScikitLearnExactTruncatedSvd() {
    JsonNode arpack = golden.get("arpack");
    double[] expectedS = doubles(arpack.get("singular_values"));
    double[] expectedRatio = doubles(arpack.get("explained_variance_ratio"));
    Lsa.Options options = Lsa.Options.builder().dimensions(10).powerIterations(40).build();

    LsaModel model = LsaModel.fit(seedTfIdf, options);

    double[] s = model.singularValues();
    double[] ratio = model.explainedVarianceRatio();
    for (int j = 0; j < 10; j++) {
      // Tolerances allow for the float32 copy of the float64 TF-IDF values.
      assertEquals(expectedS[j], s[j], 1e-5 * expectedS[j], "singular value " + j);
      assertEquals(expectedRatio[j], ratio[j], 1e-4 * expectedRatio[j], "explained variance ratio " + j);
    }
    float[][] components = model.components();
    for (int j = 0; j < 3; j++) {
      // Same sign convention (svd_flip, u-based), so components compare entry by entry.
      double[] expected = doubles(arpack.get("components").get(j));
      for (int c = 0; c < expected.length; c++) {
        assertEquals(expected[c], components[j][c], 1e-4, "component " + j + ", feature " + c);
      }
    }
  }

  @Test
  void givenSeedPaperTfIdf_whenFitWithDefaults_thenErrorIsOfScikitLearnRandomizedOrder() {
    double[] exact = doubles(golden.get("arpack").get("singular_values"));
    double[] sklearnRandomized = doubles(golden.get("randomized_n_iter5_seed0").get("singular_values"));
    double sklearnWorst = 0;
    for (int j = 0; j < 10; j++) {
      sklearnWorst = Math.max(sklearnWorst, (exact[j] - sklearnRandomized[j]) / exact[j]);
    }

    double[] s = LsaModel.fit(seedTfIdf, Lsa.Options.ofDimensions(10)).singularValues();

    // A flat spectrum (262 short abstracts): 5 iterations leave ~3% on sigma_10 in scikit-learn too.
    for (int j = 0; j < 10; j++) {
      double err = (exact[j] - s[j]) / exact[j];
      assertTrue(err > -1e-6, "a Rayleigh-Ritz value never exceeds the exact one, " + j);
      assertTrue(err <= 2 * sklearnWorst, "singular value " + j + " error " + err + " vs sklearn " + sklearnWorst);
    }
    assertEquals(exact[0], s[0], 1e-6 * exact[0]);
  }

  @Test
  void givenFit_whenTransformingTrainingRows_thenEqualsEmbeddingsAndUnitNorm() {
    LsaModel model = LsaModel.fit(seedTfIdf, Lsa.Options.ofDimensions(8));

    DenseVectors folded = model.transform(seedTfIdf);
    DenseVectors embeddings = model.embeddings();

    assertEquals(seedTfIdf.rows(), embeddings.size());
    assertEquals(8, embeddings.dimension());
    for (int r = 0; r < embeddings.size(); r++) {
      assertArrayEquals(embeddings.vector(r), folded.vector(r), "row " + r);
      assertArrayEquals(embeddings.vector(r), model.transform(seedTfIdf.row(r)), "row " + r);
      double norm = 0;
      for (float x : embeddings.vector(r)) {
        norm += x * x;
      }
      assertEquals(1, norm, 1e-5, "row " + r);
    }
  }

  @Test
  void givenNoNormalization_whenFit_thenEmbeddingsAreXTimesVAndColumnVariancesAreExplainedVariance() {
    LsaModel model =
        LsaModel.fit(seedTfIdf, Lsa.Options.builder().dimensions(4).normalizeRows(false).build());
    DenseVectors e = model.embeddings();
    float[][] v = model.components();

    double[] variance = model.explainedVariance();
    for (int j = 0; j < 4; j++) {
      double mean = 0;
      for (int r = 0; r < e.size(); r++) {
        mean += e.vector(r)[j];
      }
      mean /= e.size();
      double var = 0;
      for (int r = 0; r < e.size(); r++) {
        var += (e.vector(r)[j] - mean) * (e.vector(r)[j] - mean);
      }
      assertEquals(var / e.size(), variance[j], 1e-6 * variance[j]);
    }
    SparseVector row = seedTfIdf.row(17);
    double x0 = 0;
    for (int i = 0; i < row.size(); i++) {
      x0 += row.value(i) * v[0][row.index(i)];
    }
    assertEquals(x0, e.vector(17)[0], 1e-6);
  }

  @Test
  void givenEmptyRowAndUnknownTerms_whenTransform_thenZeroVectorNotAnError() {
    LsaModel model = LsaModel.fit(seedTfIdf, Lsa.Options.ofDimensions(5));

    assertArrayEquals(new float[5], model.transform(SparseVector.empty()));
    SparseMatrix withEmpty = SparseMatrix.ofRows(seedTfIdf.cols(), seedTfIdf.row(0), SparseVector.empty());
    assertArrayEquals(new float[5], model.transform(withEmpty).vector(1));
  }

  @Test
  void givenZeroMatrix_whenFit_thenZeroSingularValuesEmbeddingsAndRatios() {
    SparseMatrix zero = SparseMatrix.of(7, 9, new int[8], new int[0], new float[0]);

    LsaModel model = LsaModel.fit(zero, Lsa.Options.ofDimensions(3));

    assertArrayEquals(new double[3], model.singularValues());
    assertArrayEquals(new double[3], model.explainedVarianceRatio());
    for (int r = 0; r < 7; r++) {
      assertArrayEquals(new float[3], model.embeddings().vector(r));
    }
  }

  @Test
  void givenOneOrTwoThreads_whenFit_thenIdenticalModels() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      LsaModel one = LsaModel.fit(seedTfIdf, Lsa.Options.ofDimensions(6));
      LsaModel two =
          LsaModel.fit(seedTfIdf, Lsa.Options.builder().dimensions(6).parallelism(2).executor(pool).build());

      assertArrayEquals(one.singularValues(), two.singularValues());
      for (int j = 0; j < 6; j++) {
        assertArrayEquals(one.components()[j], two.components()[j]);
      }
      for (int r = 0; r < seedTfIdf.rows(); r++) {
        assertArrayEquals(one.embeddings().vector(r), two.embeddings().vector(r));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void givenBadArguments_whenFitOrTransform_thenMessagesNameTheRule() {
    assertEquals("dimensions must be in [1, min(rows, cols)=262], got 300",
        assertThrows(IllegalArgumentException.class,
            () -> LsaModel.fit(seedTfIdf, Lsa.Options.ofDimensions(300))).getMessage());
    assertEquals("dimensions must be >= 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> Lsa.Options.ofDimensions(0)).getMessage());
    assertEquals("svd.rank must equal dimensions=5, got 4",
        assertThrows(IllegalArgumentException.class,
            () -> new Lsa.Options(5, RandomizedSvdOptions.ofRank(4), true)).getMessage());

    LsaModel model = LsaModel.fit(seedTfIdf, Lsa.Options.ofDimensions(2));
    int m = seedTfIdf.cols();
    assertEquals("x: feature index " + m + " is not in [0, featureCount=" + m + ")",
        assertThrows(IllegalArgumentException.class,
            () -> model.transform(SparseVector.of(new int[] {3, m}, new float[] {1, 1}))).getMessage());
    assertEquals("x.cols must equal featureCount=" + m + ", got 3",
        assertThrows(IllegalArgumentException.class,
            () -> model.transform(SparseMatrix.of(1, 3, new int[] {0, 0}, new int[0], new float[0]))).getMessage());
  }
}
