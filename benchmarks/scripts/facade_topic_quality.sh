#!/usr/bin/env bash
# Topic quality through the facade's defaults, our side and scikit-learn's in the same run, on the three devsets of
# /work/shared/data/devsets/ and the fixed arxiv-daily sample of kmeans_quality.sh (20,000 records, categories with
# >= 100 papers: 18,925).
#
# 1. kmeans_quality_sample.py draws the arxiv-daily sample (random.Random(20250101)).
# 2. org.papermap.bench.FacadeTopicQuality: per set, PaperMap.build(corpus, PaperMapOptions.defaults() + topics) as a
#    user builds it, then k-means at k = labels (SEEDS seeds), k-means auto and HDBSCAN (defaults) through
#    withTopics, and the VARIANTS (see the class javadoc); it also exports the 0.1 LSA-100 for scikit-learn.
# 3. kmeans_quality_sklearn.py: scikit-learn KMeans(k, n_init=10) on that LSA-100, and scikit-learn's own
#    TfidfVectorizer -> TruncatedSVD(100) -> Normalizer -> KMeans(k, n_init=10) (two TF-IDF settings), SEEDS seeds.
# 4. facade_topic_quality_summary.py: one table (every set, ours and scikit-learn's; REF = the best scikit-learn NMI)
#    and the issue's bars.
#
# Quality does not depend on load: these are real results. Usage:
#   benchmarks/scripts/facade_topic_quality.sh [SEEDS=5] [PARALLELISM=2] [VARIANTS=none]
# Environment: DATA (arxiv-daily.jsonl.gz), DEVSETS (directory), JAVA, HEAP (default 4g), OUT (keep the outputs there),
# SETS (space-separated names, default all four).
set -euo pipefail
SEEDS=${1:-5}
PAR=${2:-2}
VARIANTS=${3:-none}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
source "$HERE/quality_sets.sh"
"$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -cp "$JAR" org.papermap.bench.FacadeTopicQuality \
  "$work" "$SEEDS" "$PAR" "$VARIANTS" "${sets[@]}" 2>"$work/papermap.err" > "$work/papermap.jsonl"
/usr/bin/python3 "$HERE/kmeans_quality_sklearn.py" "$work" "$SEEDS" 10 "${sets[@]}" > "$work/sklearn.jsonl"
/usr/bin/python3 "$HERE/facade_topic_quality_summary.py" "$work/papermap.jsonl" "$work/sklearn.jsonl" 0.10
echo "# done $(date -u +%FT%TZ), load: $(cut -d' ' -f1-3 /proc/loadavg)"
