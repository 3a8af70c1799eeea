package org.papermap.cluster;

/**
 * Every external (label-against-label) clustering score of one comparison, as computed by {@link
 * ClusteringMetrics#compare}. Mutual-information scores are in nats.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param points points scored (all of them, or only the clustered ones with {@link NoiseHandling#CLUSTERED_ONLY})
 * @param noisePoints points the clustering labelled {@link ClusterMetric#NOISE}, scored or not
 * @param classes distinct truth labels among the scored points
 * @param clusters distinct predicted labels among the scored points (noise counts as one with {@link NoiseHandling#AS_LABEL})
 * @param adjustedRandIndex ARI, in [-0.5, 1], 0 for chance
 * @param randIndex Rand index, in [0, 1]
 * @param mutualInformation mutual information, {@code >= 0}
 * @param nmiArithmetic NMI with the arithmetic mean of the entropies (scikit-learn's default), in [0, 1]
 * @param nmiGeometric NMI with the geometric mean of the entropies, in [0, 1]
 * @param amiArithmetic AMI with the arithmetic mean, {@code <= 1}, 0 for chance
 * @param homogeneity homogeneity, in [0, 1]
 * @param completeness completeness, in [0, 1]
 * @param vMeasure V-measure (β = 1), in [0, 1]
 * @param fowlkesMallows Fowlkes–Mallows index, in [0, 1]
 */
public record ExternalScores(
    int points,
    int noisePoints,
    int classes,
    int clusters,
    double adjustedRandIndex,
    double randIndex,
    double mutualInformation,
    double nmiArithmetic,
    double nmiGeometric,
    double amiArithmetic,
    double homogeneity,
    double completeness,
    double vMeasure,
    double fowlkesMallows) {}
