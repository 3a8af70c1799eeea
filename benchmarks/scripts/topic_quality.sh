#!/usr/bin/env bash
# Topic quality, our side and scikit-learn's in the same run, on the three devsets of /work/shared/data/devsets/
# and the fixed arxiv-daily sample of kmeans_quality.sh (20,000 records, categories with >= 100 papers: 18,925).
#
# 1. kmeans_quality_sample.py draws the arxiv-daily sample (random.Random(20250101)).
# 2. org.papermap.bench.TopicClusteringQuality reads every set, builds our default TF-IDF and LSA-100 (exported for
#    scikit-learn), the default topic terms, then for SEEDS seeds: our spherical k-means at k = number of labels ->
#    TopicModeler -> NMI / ARI / AMI, NPMI@10, diversity@10; and for every HDBSCAN setting of HDBSCAN (see the class
#    javadoc: [map:]sel:mcs:ms:eps) every outlier strategy and threshold: outlier share, NMI over all papers (outliers
#    one more class) and over the papers in a topic.
# 3. kmeans_quality_sklearn.py: scikit-learn KMeans(k, n_init=NINIT) on our LSA-100, and scikit-learn's own pipeline
#    TfidfVectorizer -> TruncatedSVD(100) -> Normalizer -> KMeans(k, n_init=NINIT) (two TF-IDF settings), SEEDS seeds.
# 4. topic_quality_summary.py: the tables (mean ± sd over seeds; HDBSCAN is deterministic: one run per setting).
#
# Quality does not depend on load: these are real results. Usage:
#   benchmarks/scripts/topic_quality.sh [SEEDS=5] [NINIT=10] [PARALLELISM=2]
# Environment: DATA (arxiv-daily.jsonl.gz), DEVSETS (directory), JAVA, HEAP (default 4g), OUT (keep the outputs there),
# SETS (space-separated names, default all four), HDBSCAN (comma-separated settings, default below; "none" to skip).
set -euo pipefail
SEEDS=${1:-5}
NINIT=${2:-10}
PAR=${3:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
# Default settings: the recommended one first (docs/bench/topics.md, phase 2), then the ones it was chosen against.
HDBSCAN=${HDBSCAN:-map:leaf:n150:10:0,map:leaf:n100:10:0,map:leaf:n300:10:0,map:eom:n150:10:0,map:leaf:n200:=:0,map:leaf:n400:5:0.25,leaf:n400:1:0,eom:n400:1:0,leaf:n200:5:0}
source "$HERE/quality_sets.sh"
"$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -cp "$JAR" org.papermap.bench.TopicClusteringQuality \
  "$work" "$SEEDS" "$NINIT" "$PAR" "$HDBSCAN" "${sets[@]}" 2>"$work/papermap.err" > "$work/papermap.jsonl"
/usr/bin/python3 "$HERE/kmeans_quality_sklearn.py" "$work" "$SEEDS" "$NINIT" "${sets[@]}" > "$work/sklearn.jsonl"
/usr/bin/python3 "$HERE/topic_quality_summary.py" "$work/papermap.jsonl" "$work/sklearn.jsonl" 0.10
