package org.papermap.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Locale;
import org.papermap.corpus.Corpus;
import org.papermap.topic.Keyword;
import org.papermap.topic.Topic;
import org.papermap.topic.TopicHierarchy;
import org.papermap.topic.TopicModel;

/**
 * The files and the summary of {@code papermap topics}: {@code topics.json} (topics, hierarchy,
 * outliers), the assignments (JSON Lines, one paper a line) and a table for people.
 */
final class TopicsJson {
  private TopicsJson() {}

  /**
   * {@code {"topics": [{"id", "label", "keywords": [{"term", "weight"}], "size", "representatives": [ids]}],
   * "hierarchy": {"merges": [{"left", "right", "distance", "size"}]}, "outliers": n}}; merges in SciPy's
   * linkage convention (leaves are topic ids, merge i creates node topics + i).
   */
  static void writeTopics(TopicModel m, Corpus corpus, OutputStream out) throws IOException {
    try (JsonGenerator json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("topics");
      for (Topic t : m.topics()) {
        json.writeStartObject();
        json.writeNumberField("id", t.id());
        json.writeStringField("label", t.label());
        json.writeArrayFieldStart("keywords");
        for (Keyword k : t.keywords()) {
          json.writeStartObject();
          json.writeStringField("term", k.term());
          json.writeNumberField("weight", k.weight());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("size", t.size());
        json.writeArrayFieldStart("representatives");
        for (int i = 0; i < t.representativeCount(); i++) {
          json.writeString(corpus.id(t.representative(i)));
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("hierarchy");
      json.writeArrayFieldStart("merges");
      for (TopicHierarchy.Merge merge : m.hierarchy().merges()) {
        json.writeStartObject();
        json.writeNumberField("left", merge.left());
        json.writeNumberField("right", merge.right());
        json.writeNumberField("distance", merge.distance());
        json.writeNumberField("size", merge.size());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeNumberField("outliers", m.outlierCount());
      json.writeEndObject();
      json.writeRaw('\n');
    }
  }

  /** One line per paper, in corpus order: {@code {"id", "topic", "confidence"}}, topic -1 for an outlier. */
  static void writeAssignments(TopicModel m, Corpus corpus, OutputStream out) throws IOException {
    try (JsonGenerator json = JsonFactory.builder().build().createGenerator(out, JsonEncoding.UTF8)) {
      for (int ord = 0; ord < corpus.size(); ord++) {
        json.writeStartObject();
        json.writeStringField("id", corpus.id(ord));
        json.writeNumberField("topic", m.topicOf(ord));
        json.writeNumberField("confidence", m.confidence(ord));
        json.writeEndObject();
        json.writeRaw('\n');
      }
    }
  }

  /** The summary: counts, then one line per topic (id, size, label, first keywords). */
  static void summary(TopicModel m, PrintWriter out) {
    out.printf(Locale.ROOT, "%d topics over %d papers, %d outliers%n", m.topicCount(), m.paperCount(), m.outlierCount());
    out.printf(Locale.ROOT, "%5s %7s  %s%n", "topic", "papers", "label: keywords");
    for (Topic t : m.topics()) {
      out.printf(Locale.ROOT, "%5d %7d  %s: %s%n", t.id(), t.size(), t.label(), String.join(", ", t.terms(5)));
    }
    out.flush();
  }
}
