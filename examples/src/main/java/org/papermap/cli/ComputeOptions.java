package org.papermap.cli;

import org.papermap.PaperMapOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --threads} and {@code --seed}, the same on every command that computes vectors. */
final class ComputeOptions {
  /** The most threads any stage takes. */
  static final int MAX_THREADS = 256;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Threads (default: ${sys:papermap.default.threads}, the machine's cores); results do not depend on it.")
  Integer threads;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Seed of every random step: LSA's randomized SVD, HNSW levels (default: ${sys:papermap.default.seed}).")
  Long seed;

  /** The thread count: {@code --threads}, else the machine's cores. */
  int threads(CommandLine cmd) {
    if (threads == null) {
      return defaultThreads();
    }
    if (threads < 1 || threads > MAX_THREADS) {
      throw new ParameterException(cmd, "--threads must be in [1, " + MAX_THREADS + "], got " + threads);
    }
    return threads;
  }

  long seed() {
    return seed == null ? PaperMapOptions.DEFAULT_SEED : seed;
  }

  boolean anyGiven() {
    return threads != null || seed != null;
  }

  static int defaultThreads() {
    return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /** Sets the {@code papermap.default.*} system properties that the help texts show. */
  static void describeDefaults() {
    System.setProperty("papermap.default.threads", Integer.toString(defaultThreads()));
    System.setProperty("papermap.default.seed", Long.toString(PaperMapOptions.DEFAULT_SEED));
    System.setProperty("papermap.default.lsa-dims", Integer.toString(PaperMapOptions.DEFAULT_LSA_DIMENSIONS));
    System.setProperty("papermap.default.hybrid-weight", Double.toString(PaperMapOptions.DEFAULT_HYBRID_WEIGHT));
    System.setProperty("papermap.default.smoothing", Integer.toString(PaperMapOptions.DEFAULT_SMOOTHING_NEIGHBOURS));
    System.setProperty("papermap.default.feedback", Integer.toString(PaperMapOptions.DEFAULT_FEEDBACK_PAPERS));
    System.setProperty("papermap.default.term-boost", Double.toString(PaperMapOptions.DEFAULT_QUERY_TERM_BOOST));
    System.setProperty(
        "papermap.default.representation", PaperMapOptions.DEFAULT_REPRESENTATION.name().toLowerCase(java.util.Locale.ROOT));
    System.setProperty(
        "papermap.default.search-representation",
        PaperMapOptions.DEFAULT_SEARCH_REPRESENTATION.name().toLowerCase(java.util.Locale.ROOT));
  }
}
