package org.papermap.cli;

import java.util.Locale;
import org.papermap.PaperMapOptions;
import org.papermap.Representation;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How a map is built: the representation, the dense index, the LSA dimension, the analysis and
 * weighting flags and the threads and seed. Shared by {@code build} and, when they read {@code
 * --input}, {@code related} and {@code search}; every default comes from {@link PaperMapOptions}.
 */
final class MapOptions {
  @Option(
      names = "--representation",
      paramLabel = "R",
      description = "tfidf | lsa | hybrid: how papers are compared (default: related by"
          + " ${sys:papermap.default.representation}, search by ${sys:papermap.default.search-representation};"
          + " see docs/related.md). Every map holds all three, so with --map it is chosen at query time.")
  RepresentationOption representation;

  @Option(
      names = "--index",
      paramLabel = "I",
      description = "sparse (tfidf only) | flat | hnsw (the LSA side). Default: sparse for tfidf, flat otherwise.")
  IndexOption index;

  @Option(
      names = "--lsa-dims",
      paramLabel = "D",
      description = "LSA dimensions (default: ${sys:papermap.default.lsa-dims}, capped at the corpus' rank).")
  Integer lsaDims;

  @Option(
      names = "--hybrid-weight",
      paramLabel = "A",
      description = "α of the hybrid score α·cos_tfidf + (1−α)·cos_lsa, in [0, 1] (default: ${sys:papermap.default.hybrid-weight}).")
  Double hybridWeight;

  @Option(
      names = "--smoothing",
      paramLabel = "K",
      description = "Smooth each LSA vector over its K nearest papers; 0 for none (default: ${sys:papermap.default.smoothing}).")
  Integer smoothing;

  @Option(
      names = "--feedback",
      paramLabel = "N",
      description = "LSA and hybrid queries also move towards their N best first-pass hits; 0 for none"
          + " (default: ${sys:papermap.default.feedback}).")
  Integer feedback;

  @Option(
      names = "--term-boost",
      paramLabel = "G",
      description = "Boost of a free-text query's specific terms before it is folded into LSA, in [0, 4]; 0 for none"
          + " (default: ${sys:papermap.default.term-boost}).")
  Double termBoost;

  @Mixin AnalysisOptions analysis;

  @Mixin ComputeOptions compute;

  enum RepresentationOption {
    tfidf(Representation.TFIDF),
    lsa(Representation.LSA),
    hybrid(Representation.HYBRID);

    final Representation value;

    RepresentationOption(Representation value) {
      this.value = value;
    }
  }

  enum IndexOption {
    sparse,
    flat,
    hnsw
  }

  /** Whether any flag of this group was given. */
  boolean anyGiven() {
    return representation != null || anyBuildOnlyGiven();
  }

  /** Whether a flag that applies when building only was given ({@code --representation} also applies to queries). */
  boolean anyBuildOnlyGiven() {
    return index != null || lsaDims != null || mapWeightsGiven() || analysis.anyGiven() || compute.anyGiven();
  }

  /** Whether a flag of the hybrid score, smoothing, feedback or term boost was given. */
  boolean mapWeightsGiven() {
    return hybridWeight != null || smoothing != null || feedback != null || termBoost != null;
  }

  /** The representation asked for queries, null for the map's own defaults. */
  Representation queryRepresentation() {
    return representation == null ? null : representation.value;
  }

  /** The options of the map to build. */
  PaperMapOptions options(CommandLine cmd) {
    int threads = compute.threads(cmd);
    PaperMapOptions.Builder b =
        PaperMapOptions.builder()
            .parallelism(threads)
            .seed(compute.seed())
            .tfidf(analysis.tfidf(cmd, threads));
    Representation r = representation == null ? PaperMapOptions.DEFAULT_REPRESENTATION : representation.value;
    b.representation(r);
    if (representation != null) {
      // A map built for one representation is searched by it too.
      b.searchRepresentation(r);
    }
    if (index == IndexOption.sparse && r != Representation.TFIDF) {
      throw new ParameterException(cmd, "--index sparse needs --representation tfidf (LSA vectors are dense: use flat or hnsw)");
    }
    if (index != null && index != IndexOption.sparse && r == Representation.TFIDF) {
      throw new ParameterException(cmd, "--index " + index + " needs --representation lsa or hybrid (TF-IDF is searched by the sparse index)");
    }
    if (index == IndexOption.hnsw) {
      b.denseIndex(PaperMapOptions.DenseIndex.HNSW);
    }
    try {
      if (lsaDims != null) {
        b.lsaDimensions(lsaDims);
      }
      if (hybridWeight != null) {
        b.hybridWeight(hybridWeight);
      }
      if (smoothing != null) {
        b.smoothingNeighbours(smoothing);
      }
      if (feedback != null) {
        b.feedbackPapers(feedback);
      }
      if (termBoost != null) {
        b.queryTermBoost(termBoost);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, e.getMessage().replaceFirst("^lsaDimensions", "--lsa-dims")
          .replaceFirst("^hybridWeight", "--hybrid-weight").replaceFirst("^smoothingNeighbours", "--smoothing")
          .replaceFirst("^feedbackPapers", "--feedback").replaceFirst("^queryTermBoost", "--term-boost"));
    }
  }

  /** What a map built with these options is, for the out-of-memory message. */
  static String describe(PaperMapOptions options) {
    // Every map holds both sides, whatever its default representation.
    return "building the map (TF-IDF, LSA, indexes; " + options.representation().name().toLowerCase(Locale.ROOT) + ")";
  }
}
