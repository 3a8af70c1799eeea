package org.papermap.topic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.papermap.internal.OptionMaps;

/**
 * Settings of {@link TopicModeler}. Start from {@link #builder()} (the DEFAULT_* values).
 *
 * <p>Thread-safety: immutable and safe (the executor, if any, is the caller's).
 *
 * @param keywords keyword weighting, diversity and labels
 * @param outliers what happens to noise papers
 * @param representatives representative papers per topic, in [0, {@value #MAX_REPRESENTATIVES}]
 * @param representativesBy how representatives are ranked and which similarity is a paper's confidence
 * @param hierarchyBy which topic vectors the hierarchy agglomerates
 * @param parallelism threads for a local pool when {@code executor} is null, in [1, {@value
 *     #MAX_PARALLELISM}]; the topics do not depend on it
 * @param executor where to run tasks, or null
 */
public record TopicOptions(
    KeywordExtractor.Options keywords,
    OutlierReassigner.Options outliers,
    int representatives,
    Representatives representativesBy,
    Space hierarchyBy,
    int parallelism,
    Executor executor) {

  /** How representative papers are ranked (and which similarity a paper's confidence is). */
  public enum Representatives {
    /** By membership strength when the clustering has them, then by {@link #CENTRE} or {@link #KEYWORDS}. */
    AUTO,
    /** By cosine to the topic centre in the dense vectors. */
    CENTRE,
    /** By membership strength (ties by centre or keyword cosine). */
    MEMBERSHIP,
    /** By cosine of the paper's class-based TF-IDF vector to the topic's. */
    KEYWORDS
  }

  /** The vectors topics are compared by. */
  public enum Space {
    /** Class-based TF-IDF vectors (as BERTopic). */
    KEYWORDS,
    /** Topic centres in the dense vectors. */
    CENTRES
  }

  public static final int MAX_REPRESENTATIVES = 100;
  public static final int MAX_PARALLELISM = 256;
  public static final int DEFAULT_REPRESENTATIVES = 5;
  public static final Representatives DEFAULT_REPRESENTATIVES_BY = Representatives.AUTO;
  public static final Space DEFAULT_HIERARCHY_BY = Space.KEYWORDS;
  public static final int DEFAULT_PARALLELISM = 1;

  public TopicOptions {
    Objects.requireNonNull(keywords, "keywords");
    Objects.requireNonNull(outliers, "outliers");
    Objects.requireNonNull(representativesBy, "representativesBy");
    Objects.requireNonNull(hierarchyBy, "hierarchyBy");
    if (representatives < 0 || representatives > MAX_REPRESENTATIVES) {
      throw new IllegalArgumentException(
          "representatives must be in [0, " + MAX_REPRESENTATIVES + "], got " + representatives);
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "parallelism must be in [1, " + MAX_PARALLELISM + "], got " + parallelism);
    }
  }

  /** The defaults. */
  public static TopicOptions defaults() {
    return builder().build();
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder(
        new TopicOptions(
            KeywordExtractor.Options.defaults(), OutlierReassigner.Options.keep(),
            DEFAULT_REPRESENTATIVES, DEFAULT_REPRESENTATIVES_BY, DEFAULT_HIERARCHY_BY,
            DEFAULT_PARALLELISM, null));
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** All fields but the executor as strings (nested options under "keywords." and "outliers."). */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    keywords.toMap().forEach((k, v) -> m.put("keywords." + k, v));
    outliers.toMap().forEach((k, v) -> m.put("outliers." + k, v));
    m.put("representatives", Integer.toString(representatives));
    m.put("representativesBy", representativesBy.name());
    m.put("hierarchyBy", hierarchyBy.name());
    m.put("parallelism", Integer.toString(parallelism));
    return m;
  }

  /**
   * Reads {@link #toMap} output; the executor is null.
   *
   * @throws IllegalArgumentException naming a missing or malformed key
   */
  public static TopicOptions fromMap(Map<String, String> m) {
    Objects.requireNonNull(m, "m");
    return new TopicOptions(
        KeywordExtractor.Options.fromMap(OptionMaps.withPrefix(m, "keywords.")),
        OutlierReassigner.Options.fromMap(OptionMaps.withPrefix(m, "outliers.")),
        OptionMaps.intValue(m, "representatives"),
        OptionMaps.enumValue(m, "representativesBy", Representatives.class),
        OptionMaps.enumValue(m, "hierarchyBy", Space.class),
        OptionMaps.intValue(m, "parallelism"),
        null);
  }

  @Override
  public String toString() {
    return "TopicOptions" + toMap() + (executor != null ? "+executor" : "");
  }

  /** A mutable builder; {@link #build()} validates. Not thread-safe. */
  public static final class Builder {
    private KeywordExtractor.Options keywords;
    private OutlierReassigner.Options outliers;
    private int representatives;
    private Representatives representativesBy;
    private Space hierarchyBy;
    private int parallelism;
    private Executor executor;

    private Builder(TopicOptions o) {
      keywords = o.keywords;
      outliers = o.outliers;
      representatives = o.representatives;
      representativesBy = o.representativesBy;
      hierarchyBy = o.hierarchyBy;
      parallelism = o.parallelism;
      executor = o.executor;
    }

    public Builder keywords(KeywordExtractor.Options v) {
      keywords = v;
      return this;
    }

    public Builder outliers(OutlierReassigner.Options v) {
      outliers = v;
      return this;
    }

    public Builder representatives(int v) {
      representatives = v;
      return this;
    }

    public Builder representativesBy(Representatives v) {
      representativesBy = v;
      return this;
    }

    public Builder hierarchyBy(Space v) {
      hierarchyBy = v;
      return this;
    }

    public Builder parallelism(int v) {
      parallelism = v;
      return this;
    }

    /** Runs tasks on this executor instead of a local pool; null for none. */
    public Builder executor(Executor v) {
      executor = v;
      return this;
    }

    public TopicOptions build() {
      return new TopicOptions(
          keywords, outliers, representatives, representativesBy, hierarchyBy, parallelism, executor);
    }
  }
}
