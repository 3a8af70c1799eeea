package org.papermap.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.papermap.MapTopicOptions;
import org.papermap.PaperMap;
import org.papermap.PaperMapOptions;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.CorpusReader;
import org.papermap.corpus.Paper;
import org.papermap.progress.ProgressListener;
import org.papermap.topic.Topic;
import org.papermap.topic.TopicAssignment;
import org.papermap.topic.TopicModel;

/**
 * The README's topics example: a map built with its topics, a paper's topic, the topic of new text, a
 * save and open, a refit with other options, and papers added without a refit. Keep this file and the README's "Topics" part in sync.
 *
 * <p>Usage: {@code TopicsExample [FOLDER]} (default: the bundled sample, {@code examples/data}).
 */
public final class TopicsExample {
  private TopicsExample() {}

  public static void main(String[] args) throws IOException {
    Corpus corpus = CorpusReader.read(Path.of(args.length > 0 ? args[0] : "examples/data")).corpus();
    Path dir = Files.createTempDirectory("papermap-topics");
    // README:begin topics
    PaperMapOptions options = PaperMapOptions.builder()
        .topics(MapTopicOptions.defaults()) // k-means, number of topics chosen (auto), seed 42
        .build();
    try (PaperMap map = PaperMap.build(corpus, options)) {
      TopicModel topics = map.topics();
      for (Topic t : topics.topics()) {
        System.out.printf("%3d %4d papers  %s  %s%n", t.id(), t.size(), t.label(), t.terms(5));
      }
      TopicAssignment a = map.topicOf(corpus.id(0)); // topic -1: an outlier
      TopicAssignment b = map.topicOfText("Graph neural networks for molecule property prediction");
      System.out.println(a + " " + b);
      map.save(dir); // the topics are saved with the map (topics.model)
      try (PaperMap opened = PaperMap.open(dir);
          PaperMap eight = opened.withTopics( // a refit; `opened` keeps its topics
              MapTopicOptions.builder().topics(8).seed(7).build(), // k-means, k = 8
              ProgressListener.NONE)) {
        System.out.println(opened.topics() + " / " + eight.topics());
        // New papers: vectorized with the map's vocabulary, indexed, given their predicted topic;
        // nothing is refitted and every other paper keeps its topic (refit() builds again).
        PaperMap grown = opened.withPapers(java.util.List.of(Paper.of("new-1",
            "Message passing networks for molecules", "We predict molecular properties with graph networks.")));
        System.out.println(grown.topicOf("new-1") + " " + grown.related("new-1", 3));
        grown.save(dir);
      }
    }
    // README:end topics
  }
}
