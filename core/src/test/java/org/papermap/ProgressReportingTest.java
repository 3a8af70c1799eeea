package org.papermap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.progress.RecordingListener;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfResult;
import org.papermap.vector.TfIdfVectorizer;

/**
 * Every long operation reports its steps to the one listener, in order and ended, and gives the same
 * answers with a listener as without.
 */
class ProgressReportingTest {
  private static Corpus corpus;

  @TempDir Path tmp;

  @BeforeAll
  static void readSeeds() throws IOException {
    corpus = SeedListings.corpus();
  }

  @Test
  void givenAListener_whenAHybridMapIsBuiltSavedOpenedAndQueried_thenEveryStepIsReportedAndAnswersAreUnchanged()
      throws IOException {
    PaperMapOptions options = PaperMapOptions.builder().lsaDimensions(16).parallelism(2).build();
    RecordingListener progress = new RecordingListener();

    PaperMap withListener = PaperMap.build(corpus, options, progress);
    withListener.save(tmp.resolve("map"), progress);
    PaperMap opened = PaperMap.open(tmp.resolve("map"), progress);
    List<List<PaperMap.Related>> all = opened.relatedAll(5, 2, progress);

    assertEquals(List.of("tf-idf", "sparse index", "lsa", "flat index", "smoothing", "save", "open", "neighbours"), progress.steps());
    assertTrue(progress.allEnded());
    assertEquals(corpus.size(), progress.lastDone("tf-idf"));
    assertEquals(corpus.size(), progress.lastDone("neighbours"));
    assertEquals(6, progress.lastDone("save"));
    assertEquals(5, progress.lastDone("open"));
    PaperMap without = PaperMap.build(corpus, options);
    assertEquals(without.relatedAll(5, 2), all);
    assertEquals(without.search("graph neural networks", 5), withListener.search("graph neural networks", 5));
  }

  @Test
  void givenHnswAndTfIdfMaps_whenBuiltWithAListener_thenTheirIndexStepsAreReported() {
    RecordingListener hnsw = new RecordingListener();
    PaperMap.build(
        corpus,
        PaperMapOptions.builder().lsaDimensions(16).denseIndex(PaperMapOptions.DenseIndex.HNSW).build(),
        hnsw);
    assertEquals(List.of("tf-idf", "sparse index", "lsa", "hnsw index", "smoothing"), hnsw.steps());
    assertEquals(corpus.size(), hnsw.lastDone("hnsw index"));

    RecordingListener tfidf = new RecordingListener();
    PaperMap map = PaperMap.build(corpus, PaperMapOptions.builder().representation(Representation.TFIDF).build(), tfidf);
    map.relatedAll(3, 0, tfidf);
    // Every map holds the LSA side too (any representation can be asked for at query time)
    assertEquals(List.of("tf-idf", "sparse index", "lsa", "flat index", "smoothing", "neighbours"), tfidf.steps());
    assertTrue(tfidf.allEnded());
  }

  @Test
  void givenALongStep_whenTfIdfIsFitted_thenTheListenerHearsIntermediateCountsBeforeTheEnd() {
    // 3,000 papers are 12 analysis chunks: the count rises chunk by chunk, on one thread as on three.
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      papers.add(Paper.of("p" + i, "Paper " + i, "topic" + (i % 37) + " method" + (i % 11) + " data"));
    }
    for (int threads : new int[] {1, 3}) {
      RecordingListener progress = new RecordingListener();
      TfIdfOptions options = TfIdfOptions.builder().parallelism(threads).build();

      TfIdfResult r = new TfIdfVectorizer(options).fitTransform(Corpus.of(papers), progress);

      List<Long> counts = new ArrayList<>();
      for (String c : progress.calls()) {
        if (c.startsWith("advance tf-idf ")) {
          counts.add(Long.parseLong(c.substring("advance tf-idf ".length())));
        }
      }
      assertTrue(counts.size() >= 10, threads + " threads: " + counts);
      assertEquals(3_000L, counts.get(counts.size() - 1));
      assertEquals(new TfIdfVectorizer(options).fitTransform(Corpus.of(papers)).matrix(), r.matrix());
    }
  }
}
