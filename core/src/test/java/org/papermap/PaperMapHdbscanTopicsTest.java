package org.papermap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.papermap.MapTopicOptions.Algorithm;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.progress.ProgressListener;
import org.papermap.progress.RecordingListener;
import org.papermap.topic.MapDensityClustering;
import org.papermap.topic.OutlierReassigner;
import org.papermap.topic.TopicModel;

/** HDBSCAN topics in the facade: the 5-D layout route, its outlier default, small corpora, determinism. */
class PaperMapHdbscanTopicsTest {
  private static Corpus corpus;

  @BeforeAll
  static void readSeeds() throws IOException {
    corpus = SeedListings.corpus();
  }

  private static PaperMapOptions.Builder options() {
    return PaperMapOptions.builder().lsaDimensions(32);
  }

  private static MapTopicOptions hdbscan() {
    return MapTopicOptions.builder().algorithm(Algorithm.HDBSCAN).build();
  }

  @Test
  void givenHdbscanDefaults_whenBuilt_thenMapLaidOutAndNoiseReassignedToNearestCentre() {
    assertEquals(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, 0), hdbscan().outliers());
    RecordingListener progress = new RecordingListener();
    MapParts parts = MapBuilder.build(corpus, options().build(), ProgressListener.NONE);
    MapTopics t = MapTopics.fit(parts, hdbscan(), progress);

    assertTrue(progress.steps().containsAll(List.of("layout", "hdbscan", "topics")), progress.steps().toString());
    assertTrue(progress.allEnded());
    TopicModel m = t.fitted(parts);
    assertTrue(t.choice().startsWith("hdbscan on the 5-D layout: "), t.choice());
    assertTrue(m.topicCount() >= 3, t.choice());
    assertTrue(m.initialOutlierCount() > 0, "HDBSCAN left no noise to reassign: " + t.choice());
    assertEquals(0, m.outlierCount(), "every paper with known terms moves to its nearest centre at threshold 0");
    assertEquals(m.initialOutlierCount(), m.reassignedCount());
  }

  @Test
  void givenExplicitKeep_whenHdbscanTopics_thenNoiseStaysVisibleAsOutliers() {
    PaperMap kept = PaperMap.build(corpus, options().topics(
        hdbscan().toBuilder().outliers(OutlierReassigner.Options.keep()).build()).build());
    PaperMap moved = PaperMap.build(corpus, options().topics(hdbscan()).build());
    TopicModel k = kept.topics();
    assertTrue(k.outlierCount() > 0);
    assertEquals(k.initialOutlierCount(), k.outlierCount());
    assertEquals(-1, kept.topicOf(corpus.get(firstOutlier(k)).id()).topic());
    // The same clustering underneath: the two differ only in where the noise went.
    assertEquals(k.topicCount(), moved.topics().topicCount());
    assertEquals(k.outlierCount(), moved.topics().reassignedCount());
  }

  private static int firstOutlier(TopicModel m) {
    int[] a = m.assignments();
    for (int i = 0; i < a.length; i++) {
      if (a[i] == -1) {
        return i;
      }
    }
    throw new AssertionError("no outlier");
  }

  @Test
  void givenOneOrTwoThreads_whenHdbscanTopicsBuilt_thenSameTopics() {
    PaperMap one = PaperMap.build(corpus, options().parallelism(1).topics(hdbscan()).build());
    PaperMap two = PaperMap.build(corpus, options().parallelism(2).topics(hdbscan()).build());
    assertArrayEquals(one.topics().assignments(), two.topics().assignments());
    assertEquals(one.topics().topics(), two.topics().topics());
  }

  @Test
  void givenOptionDefaults_whenAlgorithmChanges_thenOutlierDefaultFollowsUnlessSet() {
    MapTopicOptions fromKMeans = MapTopicOptions.defaults().toBuilder().algorithm(Algorithm.HDBSCAN).build();
    assertEquals(MapTopicOptions.defaultOutliers(Algorithm.HDBSCAN), fromKMeans.outliers());
    assertEquals(OutlierReassigner.Options.keep(), hdbscan().toBuilder().algorithm(Algorithm.KMEANS).build().outliers());
    MapTopicOptions keep = hdbscan().toBuilder().outliers(OutlierReassigner.Options.keep()).build();
    assertEquals(OutlierReassigner.Options.keep(), keep.toBuilder().topics(5).build().outliers());
    assertEquals(keep, MapTopicOptions.fromMap(keep.toMap()));
    assertEquals(MapDensityClustering.minClusterSize(3000), hdbscan().minClusterSizeFor(3000));
    assertEquals(30, hdbscan().minClusterSizeFor(3000));
    assertEquals(5, hdbscan().minClusterSizeFor(120));
  }

  @Test
  void givenTrainingPaperText_whenHdbscanTopicPredicted_thenMostlyItsOwnTopic() {
    PaperMap map = PaperMap.build(corpus, options().topics(hdbscan()).build());
    int agree = 0;
    for (int ord = 0; ord < corpus.size(); ord++) {
      Paper p = corpus.get(ord);
      if (map.topicOfText(p.title() + "\n" + p.abstractText()).topic() == map.topics().assignment(ord).topic()) {
        agree++;
      }
    }
    // The neighbour vote gives a training paper's own vector its own topic; text vectorizes a little
    // differently from the stored row, and reassigned papers sit between topics.
    assertTrue(agree >= 0.8 * corpus.size(), agree + " of " + corpus.size());
  }

  @Test
  void givenTinyCorpora_whenHdbscanTopics_thenOneTopicWithANoteAndNoException() {
    for (int n : new int[] {2, 5, TopicClustering.MIN_DENSITY_PAPERS - 1}) {
      Corpus tiny = Corpus.of(papers(n));
      MapParts parts = MapBuilder.build(tiny, PaperMapOptions.defaults(), ProgressListener.NONE);
      MapTopics t = MapTopics.fit(parts, hdbscan(), ProgressListener.NONE);
      assertTrue(t.choice().contains("too few for density clustering"), t.choice());
      TopicModel m = t.fitted(parts);
      assertEquals(1, m.topicCount(), n + " papers: " + t.choice());
      // Outliers only for papers left with no known term by the TF-IDF's document-frequency limits.
      assertEquals(m.outlierCount(), tiny.size() - m.topics().get(0).size(), t.choice());
      assertTrue(m.topics().get(0).size() >= 1, t.choice());
    }
    // From MIN_DENSITY_PAPERS on, the map is clustered (or, if HDBSCAN finds nothing, one topic with a note).
    Corpus small = Corpus.of(papers(TopicClustering.MIN_DENSITY_PAPERS + 10));
    MapParts parts = MapBuilder.build(small, PaperMapOptions.defaults(), ProgressListener.NONE);
    MapTopics t = MapTopics.fit(parts, hdbscan(), ProgressListener.NONE);
    assertTrue(t.choice().startsWith("hdbscan on the 5-D layout: ") || t.choice().contains("no cluster"), t.choice());
    assertTrue(t.fitted(parts).topicCount() >= 1, t.choice());
    assertEquals(small.size(), t.fitted(parts).assignments().length);
  }

  @Test
  void givenPaperWithNoKnownTerm_whenHdbscanTopicsReassign_thenItStaysAnOutlier() {
    List<Paper> papers = new ArrayList<>(corpus);
    papers.add(Paper.of("nothing-known", "Qzxv", "Wyqqj plorbix"));
    PaperMap map = PaperMap.build(Corpus.of(papers), options().topics(hdbscan()).build());
    assertEquals(-1, map.topicOf("nothing-known").topic());
    assertEquals(1, map.topics().outlierCount());
  }

  /** {@code n} short papers in three vocabularies (each in at most half of the papers, under the default maxDf). */
  private static List<Paper> papers(int n) {
    String[] topics = {
      "protein folding structure prediction residue contacts",
      "galaxy rotation curves dark matter halos",
      "graph neural networks message passing molecules"
    };
    List<Paper> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Paper.of("p" + i, "paper " + i, topics[i % 3] + " " + i));
    }
    return out;
  }
}
