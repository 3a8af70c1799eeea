package org.papermap;

import java.util.ArrayList;
import java.util.List;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;

/**
 * A small hand-written corpus that reproduces, in miniature, the molecule query of issue 8 on 20,000
 * arxiv-daily papers: twenty papers on graph neural networks, and six other topics of five papers each
 * in which one paper applies the topic to molecules (as arXiv's molecule papers are scattered over
 * chemistry, generative models, language models and more). With an LSA dimension below the number of
 * topics (as 70 dimensions are for 20,000 papers), a query's "graph neural networks" is a strong
 * direction and its "molecule" almost none.
 */
final class SpecificTermsFixture {
  static final String QUERY = "graph neural networks for molecule property prediction";

  private static final String[] GNN_TASKS = {
    "node classification", "link prediction", "traffic forecasting", "recommendation", "community detection",
    "knowledge graph completion", "fraud detection", "social networks", "citation networks",
    "road networks", "heterophilous graphs", "dynamic graphs", "graph classification", "point clouds",
    "program analysis", "power grids", "epidemic spreading", "scene graphs", "session recommendation",
    "graph matching"};
  private static final String[] GNN_IDEAS = {
    "message passing", "graph convolution", "attention over neighbours", "positional encodings",
    "over-smoothing", "over-squashing", "graph rewiring", "spectral filters", "graph pooling",
    "neighbourhood sampling"};
  /** Other topics, five papers each; the first of each mentions molecules, as scattered arXiv papers do. */
  private static final String[][] OTHER = {
    {"diffusion models", "denoising", "image generation", "score matching", "samplers"},
    {"reinforcement learning", "policy gradients", "reward shaping", "exploration", "value functions"},
    {"language models", "instruction tuning", "tokenizers", "in-context learning", "decoding"},
    {"vision transformers", "image classification", "patch embeddings", "data augmentation", "backbones"},
    {"speech recognition", "audio representations", "acoustic models", "spectrograms", "speaker adaptation"},
    {"federated learning", "differential privacy", "client drift", "secure aggregation", "mobile devices"}};
  private static final String[] MOLECULE_USE = {
    "molecule generation", "molecule optimization", "molecule design", "molecule images",
    "molecule spectra", "molecule property prediction across laboratories"};

  private SpecificTermsFixture() {}

  static Corpus corpus() {
    List<Paper> papers = new ArrayList<>();
    for (int i = 0; i < GNN_TASKS.length; i++) {
      String task = GNN_TASKS[i];
      String idea = GNN_IDEAS[i % GNN_IDEAS.length];
      papers.add(Paper.of("gnn-" + i, "Graph neural networks for " + task,
          "We study " + task + " with " + idea + " on the input graph. The learned node representations"
              + " improve " + task + " on public benchmarks."));
    }
    for (int t = 0; t < OTHER.length; t++) {
      String[] topic = OTHER[t];
      for (int i = 0; i < 5; i++) {
        boolean molecule = i == 0;
        String id = (molecule ? "mol-" : "other-") + t + "-" + i;
        String title = molecule
            ? topic[0] + " for " + MOLECULE_USE[t]
            : topic[0] + " with " + topic[1 + (i % 4)];
        papers.add(Paper.of(id, title,
            "We study " + topic[0] + " with " + topic[1 + (i % 4)] + " and " + topic[1 + ((i + 1) % 4)]
                + (molecule ? " for each molecule" : "") + ". Our neural networks for " + topic[0] + " improve "
                + topic[1 + ((i + 2) % 4)] + " on standard benchmarks of " + topic[0] + "."));
      }
    }
    return Corpus.of(papers);
  }

  /** How many of the hits are molecule papers. */
  static long molecules(List<PaperMap.Related> hits) {
    return hits.stream().filter(r -> r.id().startsWith("mol-")).count();
  }
}
