package org.papermap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;
import org.papermap.io.CorruptFileException;
import org.papermap.progress.RecordingListener;
import org.papermap.topic.OutlierReassigner;
import org.papermap.topic.TopicAssignment;
import org.papermap.topic.TopicModel;

/** Topics in the facade: built with the map or later, saved and opened with it, asked by id and by text. */
class PaperMapTopicsTest {
  private static Corpus corpus;

  @TempDir Path tmp;

  @BeforeAll
  static void readSeeds() throws IOException {
    corpus = SeedListings.corpus();
  }

  private static PaperMapOptions.Builder options() {
    return PaperMapOptions.builder().lsaDimensions(32);
  }

  private static MapTopicOptions kMeans(int k) {
    return MapTopicOptions.builder().algorithm(MapTopicOptions.Algorithm.KMEANS).topics(k).seed(7).build();
  }

  @Test
  void givenKMeansTopics_whenBuilt_thenEveryPaperHasItsTopicAndTextPredictsTheFit() {
    RecordingListener progress = new RecordingListener();
    PaperMap map = PaperMap.build(corpus, options().topics(kMeans(6)).build(), progress);

    TopicModel model = map.topics();
    assertEquals(6, model.topicCount());
    assertEquals(kMeans(6), map.options().topics());
    assertTrue(progress.steps().containsAll(java.util.List.of("k-means", "topics")), progress.steps().toString());
    assertTrue(progress.allEnded());
    int agree = 0;
    for (int ord = 0; ord < corpus.size(); ord++) {
      Paper p = corpus.get(ord);
      TopicAssignment a = map.topicOf(p.id());
      assertEquals(model.assignment(ord), a);
      if (map.topicOfText(p.title() + "\n" + p.abstractText()).topic() == a.topic()) {
        agree++;
      }
    }
    // Nearest centre is k-means' own rule; only papers whose text vectorizes a little differently from
    // the stored row (title/abstract joined) may differ.
    assertTrue(agree >= 0.9 * corpus.size(), agree + " of " + corpus.size());
    assertEquals(TopicAssignment.OUTLIER, map.topicOfText("zzzqx qqqzv"));
    assertThrows(IllegalArgumentException.class, () -> map.topicOf("no-such-id"));
    assertThrows(IllegalArgumentException.class, () -> map.topicOfText("  "));
  }

  @Test
  void givenTopics_whenSavedAndOpened_thenSameTopicsAndAssignments() throws IOException {
    MapTopicOptions hdbscan = MapTopicOptions.builder().algorithm(MapTopicOptions.Algorithm.HDBSCAN).minClusterSize(5)
        .outliers(OutlierReassigner.Options.reassign(OutlierReassigner.Strategy.NEAREST_CENTRE, 0.3)).build();
    PaperMap map = PaperMap.build(corpus, options().topics(hdbscan).build());
    Path dir = tmp.resolve("map");
    map.save(dir);
    assertTrue(Files.exists(MapFolderTest.file(dir, MapFolder.TOPICS)));

    PaperMap opened = PaperMap.open(dir);
    assertEquals(hdbscan, opened.options().topics());
    assertEquals(map.topics().topics(), opened.topics().topics());
    assertArrayEquals(map.topics().assignments(), opened.topics().assignments());
    assertEquals(map.topics().hierarchy(), opened.topics().hierarchy());
    Paper p = corpus.get(10);
    assertEquals(map.topicOfText(p.title()), opened.topicOfText(p.title()));
    // HDBSCAN's neighbour vote: a training paper's own vector gets its own topic.
    assertTrue(map.topics().topicCount() >= 2, map.topics().toString());
  }

  @Test
  void givenHdbscanWithANumber_whenBuilt_thenMergedDownToIt() {
    MapTopicOptions hdbscan = MapTopicOptions.builder().algorithm(MapTopicOptions.Algorithm.HDBSCAN).minClusterSize(5).build();
    PaperMap auto = PaperMap.build(corpus, options().topics(hdbscan).build());
    int found = auto.topics().topicCount();
    assertTrue(found >= 3, "hdbscan found " + found);
    PaperMap two = auto.withTopics(hdbscan.toBuilder().topics(2).build(), org.papermap.progress.ProgressListener.NONE);
    assertEquals(2, two.topics().topicCount());
    assertEquals(found, auto.topics().topicCount(), "withTopics leaves the original unchanged");
    assertEquals(auto.topics().outlierCount(), two.topics().outlierCount());
  }

  @Test
  void givenMapWithoutTopics_whenSavedOpenedAndFittedLater_thenTopicsSavedWithTheRefit() throws IOException {
    Path dir = tmp.resolve("plain");
    PaperMap.build(corpus, options().build()).save(dir);
    PaperMap opened = PaperMap.open(dir);
    assertNull(opened.options().topics());
    assertThrows(IllegalStateException.class, opened::topics);

    PaperMap withTopics = opened.withTopics(kMeans(4), org.papermap.progress.ProgressListener.NONE);
    withTopics.save(dir);
    PaperMap reopened = PaperMap.open(dir);
    assertEquals(4, reopened.topics().topicCount());
    assertArrayEquals(withTopics.topics().assignments(), reopened.topics().assignments());
  }

  @Test
  void givenCorruptTopicsFile_whenOpened_thenCorruptFileExceptionNamesIt() throws IOException {
    Path dir = tmp.resolve("m");
    PaperMap.build(corpus, options().topics(kMeans(3)).build()).save(dir);
    Path f = MapFolderTest.file(dir, MapFolder.TOPICS);
    byte[] b = Files.readAllBytes(f);
    b[b.length / 2] ^= 1;
    Files.write(f, b);
    CorruptFileException e = assertThrows(CorruptFileException.class, () -> PaperMap.open(dir));
    assertEquals(f, e.file());
  }

  @Test
  void givenTfIdfMap_whenTopicsAsked_thenTopicsComeFromItsLsaVectorsAsForAHybridMap() {
    // Every map holds LSA whatever its representation, and topics cluster the LSA vectors.
    PaperMap tfidf = PaperMap.build(corpus, options().representation(Representation.TFIDF).topics(kMeans(3)).build());
    PaperMap hybrid = PaperMap.build(corpus, options().topics(kMeans(3)).build());
    assertEquals(3, tfidf.topics().topicCount());
    assertArrayEquals(hybrid.topics().assignments(), tfidf.topics().assignments());
  }

  @Test
  void givenKMeansAuto_whenBuilt_thenKIsACandidateAndTheSameForAnyThreadCount() {
    MapTopicOptions auto = MapTopicOptions.defaults();
    PaperMap one = PaperMap.build(corpus, options().topics(auto).build());
    PaperMap three = PaperMap.build(corpus, options().topics(auto).parallelism(3).build());
    int k = one.topics().topicCount();
    assertTrue(java.util.Arrays.stream(TopicClustering.AUTO_K).anyMatch(c -> c == k), "k=" + k);
    assertArrayEquals(one.topics().assignments(), three.topics().assignments());
  }

  @Test
  void givenSeeds_whenStabilityMeasured_thenSameSeedAgreesFullyAndOthersPartly() {
    PaperMap map = PaperMap.build(corpus, options().build());
    java.util.function.LongFunction<TopicModel> fit =
        seed -> map.withTopics(kMeans(6).toBuilder().seed(seed).build(), org.papermap.progress.ProgressListener.NONE).topics();
    org.papermap.topic.TopicStability.Result same = org.papermap.topic.TopicStability.measure(new long[] {5, 5}, fit);
    assertEquals(1.0, same.meanAri(), 1e-12);
    org.papermap.topic.TopicStability.Result r = org.papermap.topic.TopicStability.measure(new long[] {1, 2, 3}, fit);
    assertEquals(java.util.List.of(6, 6, 6), r.topicCounts());
    assertTrue(r.meanAri() > 0.2 && r.meanAri() <= 1 && r.minAri() <= r.meanAri(), r.toString());
  }

  @Test
  void givenAnObjectiveCurve_whenTheKneeIsTaken_thenItIsThePointFarthestAboveTheChord() {
    int[] ks = {5, 10, 20, 40};
    // Decrease scaled: 0, 0.8, 0.9, 1 against k scaled 0, 0.14, 0.43, 1: the knee is k = 10.
    double[] objective = {100, 20, 10, 0};
    org.papermap.cluster.KMeansResult[] fits = new org.papermap.cluster.KMeansResult[ks.length];
    for (int i = 0; i < ks.length; i++) {
      fits[i] = fakeFit(objective[i]);
    }
    assertEquals(1, TopicClustering.knee(ks, fits));
  }

  private static org.papermap.cluster.KMeansResult fakeFit(double objective) {
    return new org.papermap.cluster.KMeansResult(new int[] {0}, new int[] {1}, new float[] {1f}, 1, 1, objective, 1,
        true, 0, org.papermap.cluster.KMeans.Options.ofK(1));
  }
}
