#!/usr/bin/env bash
# k-means quality, both sides in the same run: NMI / ARI / AMI against the labels at k = number of labels, on the
# three devsets of /work/shared/data/devsets/ and a fixed 20k sample of arxiv-daily (categories with >= 100 papers).
#
# 1. kmeans_quality_sample.py draws the arxiv-daily sample (random.Random(20250101), 20,000 records with a title and
#    an abstract, then categories with >= 100 papers in the sample).
# 2. org.papermap.bench.KMeansQuality reads every set, builds our default TF-IDF and LSA-100, exports the LSA
#    vectors and labels, and runs PaperMap's k-means (spherical and Euclidean on LSA-100, spherical on TF-IDF,
#    mini-batch) for SEEDS seeds, nInit NINIT.
# 3. kmeans_quality_sklearn.py runs scikit-learn's KMeans(k, n_init=NINIT) on the SAME LSA vectors, and its own
#    end-to-end pipeline (TfidfVectorizer -> TruncatedSVD(100) -> Normalizer -> KMeans) with two TF-IDF settings.
# 4. A table of mean ± standard deviation over the seeds.
#
# Quality does not depend on load: these are real results. Usage:
#   benchmarks/scripts/kmeans_quality.sh [SEEDS=5] [NINIT=10] [PARALLELISM=2]
# Environment: DATA (arxiv-daily.jsonl.gz), DEVSETS (directory), JAVA, HEAP (default 4g), OUT (keep the outputs there),
# SETS (space-separated names to run, default all four).
set -euo pipefail
SEEDS=${1:-5}
NINIT=${2:-10}
PAR=${3:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
source "$HERE/quality_sets.sh"
"$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -cp "$JAR" org.papermap.bench.KMeansQuality \
  "$work" "$SEEDS" "$NINIT" "$PAR" "${sets[@]}" 2>/dev/null | tee "$work/papermap.jsonl"
/usr/bin/python3 "$HERE/kmeans_quality_sklearn.py" "$work" "$SEEDS" "$NINIT" "${sets[@]}" | tee "$work/sklearn.jsonl"
/usr/bin/python3 - "$work/papermap.jsonl" "$work/sklearn.jsonl" <<'PY'
import collections, json, statistics, sys
runs = collections.defaultdict(list)
meta = {}
for f in sys.argv[1:]:
    for line in open(f):
        r = json.loads(line)
        runs[(r["set"], r["method"])].append(r)
        meta[r["set"]] = (r["papers"], r["k"])
def ms(xs):
    return f"{statistics.mean(xs):.3f} ± {statistics.stdev(xs) if len(xs) > 1 else 0:.3f}"
print("\n# k-means at k = number of labels: mean ± sd over seeds (NMI arithmetic, ARI, AMI)")
for s, (n, k) in meta.items():
    print(f"\n## {s}: {n} papers, k = {k}")
    print("| method | NMI | ARI | AMI | s/run |")
    print("|---|---:|---:|---:|---:|")
    for (set_, method), rs in runs.items():
        if set_ == s:
            print(f"| {method} | {ms([r['nmi'] for r in rs])} | {ms([r['ari'] for r in rs])} | "
                  f"{ms([r['ami'] for r in rs])} | {statistics.mean(r['seconds'] for r in rs):.1f} |")
PY
