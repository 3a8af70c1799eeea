package org.papermap.topic.report;

import java.util.Objects;
import org.papermap.topic.KnnGraph;
import org.papermap.topic.MapLayoutResult;
import org.papermap.topic.TopicModel;

/**
 * What a report shows: the topics (with their papers), the 2-D map of the papers and, optionally, each
 * paper's related papers (computed in Java, e.g. by the index stage, and embedded in the page).
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param model the topics and their papers
 * @param layout 2-D coordinates of every paper
 * @param related the nearest other papers of every paper, or null for none
 */
public record ReportInput(TopicModel model, MapLayoutResult layout, KnnGraph related) {
  public ReportInput {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(layout, "layout");
    if (layout.size() != model.paperCount()) {
      throw new IllegalArgumentException(
          "layout must place every paper: " + layout.size() + "!=" + model.paperCount());
    }
    if (related != null && related.size() != model.paperCount()) {
      throw new IllegalArgumentException(
          "related must list every paper: " + related.size() + "!=" + model.paperCount());
    }
  }
}
