package org.papermap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.progress.RecordingListener;

/** The facade's defaults work on any corpus of two papers or more, with a note where they had to bend. */
class SmallCorpusTest {
  private static final Corpus THREE =
      Corpus.of(
          List.of(
              Paper.of("a", "Graph neural networks", "Message passing on molecular graphs."),
              Paper.of("b", "Molecular property prediction", "Graph networks predict properties of molecules."),
              Paper.of("c", "Image segmentation", "Convolutional networks segment medical images.")));

  @Test
  void givenTwoOrThreePapers_whenBuiltWithTheDefaults_thenRelatedWorksAndANoteSaysWhyBoundsWereRelaxed() {
    for (int n = 2; n <= 3; n++) {
      Corpus corpus = Corpus.of(THREE.subList(0, n));
      RecordingListener progress = new RecordingListener();

      try (PaperMap map = PaperMap.build(corpus, PaperMapOptions.defaults(), progress)) {
        List<PaperMap.Related> related = map.related("a", 5);

        assertEquals("b", related.get(0).id(), n + " papers");
        assertEquals(n - 1, related.size(), n + " papers");
        assertEquals(1, progress.notes().size(), progress.calls().toString());
        assertTrue(progress.notes().get(0).startsWith("tf-idf: no term is in at least 2 and at most "), progress.notes().get(0));
        assertEquals(PaperMapOptions.DEFAULT_TFIDF, map.options().tfidf(), "the map keeps the options asked for");
      }
    }
  }

  @Test
  void givenNoListener_whenBoundsAreRelaxed_thenTheNoteGoesToTheOrgPapermapLogger() {
    List<String> logged = new ArrayList<>();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(r.getLevel() + " " + r.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger("org.papermap");
    logger.addHandler(handler);
    try {
      PaperMap.build(THREE, PaperMapOptions.defaults()).close();
    } finally {
      logger.removeHandler(handler);
    }
    assertEquals(1, logged.size(), logged.toString());
    assertTrue(logged.get(0).startsWith("INFO tf-idf: no term is in at least 2 and at most 1.50 of the 3 papers"), logged.get(0));
  }

  @Test
  void givenTheFacadeDefaults_whenComparedWithTheVectorizerBuilder_thenTheyAreTheSame() {
    // One default: PaperMap and a TfIdfVectorizer built from TfIdfOptions.builder() agree.
    assertEquals(PaperMapOptions.DEFAULT_TFIDF, org.papermap.vector.TfIdfOptions.builder().build());
    assertEquals(PaperMapOptions.DEFAULT_TFIDF, PaperMapOptions.defaults().tfidf());
  }
}
