#!/usr/bin/env bash
# HDBSCAN quality beside k-means: on the three devsets of /work/shared/data/devsets/ and the fixed 20k sample of
# arxiv-daily of kmeans_quality.sh (categories with >= 100 papers), our default TF-IDF -> L2-normalized LSA-100,
# then HDBSCAN (cosine, EOM and leaf selection, minSamples 5) for each minClusterSize in MCS, and spherical k-means at
# k = number of labels (nInit 10, seed 0) for reference. Reports clusters, noise share, NMI/ARI on the papers
# HDBSCAN clusters, and NMI/ARI over all papers with noise as one more label.
#
# Quality does not depend on load: these are real results. Usage:
#   benchmarks/scripts/hdbscan_quality.sh [MCS=5,15,50] [PARALLELISM=2]
# Environment: DATA, DEVSETS, JAVA, HEAP (default 4g), SETS (names to run, default all four).
set -euo pipefail
MCS=${1:-5,15,50}
PAR=${2:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/arxiv-daily.jsonl.gz}
[ -f "$DATA" ] || DATA=/work/shared/data/arxiv-daily.jsonl.gz
DEVSETS=${DEVSETS:-$ROOT/../shared/data/devsets}
[ -d "$DEVSETS" ] || DEVSETS=/work/shared/data/devsets
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HEAP=${HEAP:-4g}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q -pl core,benchmarks -am package -DskipTests" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

echo "# $(date -u +%FT%TZ) $(nproc --all) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
/usr/bin/python3 "$HERE/kmeans_quality_sample.py" "$DATA" "$work/arxiv-20k.jsonl"
all=(iclr2024-areas="$DEVSETS/iclr2024-areas.jsonl" clustrec-covid="$DEVSETS/clustrec-covid.jsonl"
     coronacentral-topics="$DEVSETS/coronacentral-topics.jsonl" arxiv-20k="$work/arxiv-20k.jsonl")
sets=()
for s in "${all[@]}"; do
  if [ -z "${SETS:-}" ] || [[ " $SETS " == *" ${s%%=*} "* ]]; then sets+=("$s"); fi
done
"$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -cp "$JAR" org.papermap.bench.HdbscanQuality \
  "$PAR" "$MCS" "${sets[@]}" 2>/dev/null | tee "$work/hdbscan.jsonl"
/usr/bin/python3 - "$work/hdbscan.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print("\n| set | papers | labels | method | minClusterSize | clusters | noise | NMI clustered | ARI clustered | NMI all | ARI all | s |")
print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    m = r["method"]
    mcs = r["min_cluster_size"] or "-"
    print(f"| {r['set']} | {r['papers']} | {r['labels']} | {m} | {mcs} | {r['clusters']} | {100*r['noise_share']:.1f}% | "
          f"{r['nmi_clustered']:.3f} | {r['ari_clustered']:.3f} | {r['nmi_all']:.3f} | {r['ari_all']:.3f} | {r['seconds']:.1f} |")
PY
