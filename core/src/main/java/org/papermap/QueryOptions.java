package org.papermap;

import java.util.Objects;
import java.util.Set;

/**
 * How one query of {@link PaperMap#related(String, QueryOptions)} or {@link PaperMap#search(String,
 * QueryOptions)} is answered.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param k number of papers wanted, {@code >= 1} (more than the corpus is taken as the corpus)
 * @param representation how papers are compared for this query; null for the map's default ({@link
 *     PaperMapOptions#representation()})
 * @param explainTerms shared terms listed per answer ("why related"), {@code >= 0}
 * @param excludeIds papers never returned, and never used as feedback (unknown ids are ignored)
 */
public record QueryOptions(int k, Representation representation, int explainTerms, Set<String> excludeIds) {
  public static final int DEFAULT_K = 10;

  public QueryOptions {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (explainTerms < 0) {
      throw new IllegalArgumentException("explainTerms must be >= 0, got " + explainTerms);
    }
    excludeIds = Set.copyOf(Objects.requireNonNull(excludeIds, "excludeIds"));
  }

  /** The {@code k} best papers by the map's default representation, no explanations, nothing excluded. */
  public static QueryOptions of(int k) {
    return builder().k(k).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builder starting from k = {@value #DEFAULT_K}, the map's representation, no explanations.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private int k = DEFAULT_K;
    private Representation representation;
    private int explainTerms;
    private Set<String> excludeIds = Set.of();

    private Builder() {}

    public Builder k(int v) {
      k = v;
      return this;
    }

    /** null for the map's default. */
    public Builder representation(Representation v) {
      representation = v;
      return this;
    }

    public Builder explainTerms(int v) {
      explainTerms = v;
      return this;
    }

    public Builder excludeIds(Set<String> v) {
      excludeIds = v;
      return this;
    }

    public QueryOptions build() {
      return new QueryOptions(k, representation, explainTerms, excludeIds);
    }
  }
}
