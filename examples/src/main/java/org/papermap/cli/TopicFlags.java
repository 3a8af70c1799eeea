package org.papermap.cli;

import org.papermap.MapTopicOptions;
import org.papermap.topic.OutlierReassigner;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How topics are made ({@code topics}, {@code report}): the clusterer, the number of topics and what
 * happens to outliers; every default comes from {@link MapTopicOptions}. The seed is {@code --seed}.
 */
final class TopicFlags {
  @Option(names = "--algorithm", paramLabel = "A", description = "kmeans | hdbscan (default: kmeans).")
  AlgorithmOption algorithm;

  @Option(
      names = "--topics",
      paramLabel = "N|auto",
      description = "Number of topics, or auto (default): k-means takes k at the knee of its objective, HDBSCAN keeps its own"
          + " clusters; a number merges HDBSCAN's clusters down to it.")
  String topics;

  @Option(
      names = "--outliers",
      paramLabel = "S",
      description = "keep | nearest-centre | keywords | soft-membership: where HDBSCAN's noise goes (default: nearest-centre for hdbscan, keep for kmeans).")
  String outliers;

  @Option(
      names = "--outlier-threshold",
      paramLabel = "T",
      description = "Confidence in [0, 1] an outlier needs to move (default: 0, every outlier moves).")
  Double threshold;

  enum AlgorithmOption {
    hdbscan,
    kmeans
  }

  /** Whether any flag of this group was given. */
  boolean anyGiven() {
    return algorithm != null || topics != null || outliers != null || threshold != null;
  }

  /** The topic options, with {@code seed}. */
  MapTopicOptions options(CommandLine cmd, long seed) {
    MapTopicOptions.Builder b = MapTopicOptions.builder().seed(seed);
    if (algorithm != null) {
      b.algorithm(algorithm == AlgorithmOption.kmeans ? MapTopicOptions.Algorithm.KMEANS : MapTopicOptions.Algorithm.HDBSCAN);
    }
    if (topics != null && !topics.equals("auto")) {
      try {
        b.topics(Integer.parseInt(topics));
      } catch (NumberFormatException e) {
        throw new ParameterException(cmd, "--topics must be a number or auto, got '" + topics + "'");
      }
      if (Integer.parseInt(topics) < 1) {
        throw new ParameterException(cmd, "--topics must be >= 1 or auto, got " + topics);
      }
    }
    // Without --outliers the algorithm's default (MapTopicOptions.defaultOutliers): HDBSCAN reassigns to
    // the nearest centre, so --outlier-threshold alone sets that strategy's threshold.
    OutlierReassigner.Strategy s = outliers != null ? strategy(cmd)
        : MapTopicOptions.defaultOutliers(b.build().algorithm()).strategy();
    double t = threshold == null ? OutlierReassigner.Options.DEFAULT_THRESHOLD : threshold;
    if (threshold != null && s == OutlierReassigner.Strategy.KEEP) {
      throw new ParameterException(cmd, "--outlier-threshold needs --outliers other than keep");
    }
    try {
      if (outliers != null || threshold != null) {
        b.outliers(new OutlierReassigner.Options(s, t));
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cmd, "--" + e.getMessage()
          .replaceFirst("^threshold", "outlier-threshold"));
    }
  }

  private OutlierReassigner.Strategy strategy(CommandLine cmd) {
    if (outliers == null) {
      return OutlierReassigner.Strategy.KEEP;
    }
    return switch (outliers) {
      case "keep" -> OutlierReassigner.Strategy.KEEP;
      case "nearest-centre" -> OutlierReassigner.Strategy.NEAREST_CENTRE;
      case "keywords" -> OutlierReassigner.Strategy.KEYWORDS;
      case "soft-membership" -> OutlierReassigner.Strategy.SOFT_MEMBERSHIP;
      default -> throw new ParameterException(cmd,
          "--outliers must be keep, nearest-centre, keywords or soft-membership, got '" + outliers + "'");
    };
  }
}
