#!/usr/bin/env bash
# Topics for every arxiv-daily abstract (118,024), end to end from the JSONL file, as one cold JVM process:
# parse, the facade's default TF-IDF, LSA-100, topic terms, spherical k-means (K) and its topics, HNSW 15-NN graph,
# HDBSCAN (approximate tree) and its topics, the 2-D map and the HTML report (org.papermap.bench.TopicsEndToEnd).
# Prints the wall time of every step, the total, and /usr/bin/time -v's peak RSS; the load average before and after.
# Timings on the shared machine are indicative only. Usage:
#   benchmarks/scripts/topics_end_to_end.sh [REPORT=/tmp/topics-118k.html] [extra TopicsEndToEnd flags: --k K,
#   --no-hdbscan, --threads T]
# Environment: DATA (default ../shared/data/arxiv-daily.jsonl.gz), JAVA (JDK 25), HEAP (default 4g).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/arxiv-daily.jsonl.gz}
[ -f "$DATA" ] || DATA=/work/shared/data/arxiv-daily.jsonl.gz
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HEAP=${HEAP:-4g}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
REPORT=${1:-/tmp/topics-118k.html}
shift || true
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q -pl core,benchmarks -am package -DskipTests" >&2; exit 2; }
echo "# $(date -u +%FT%TZ) $(nproc --all) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
log=$(mktemp)
/usr/bin/time -v "$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -cp "$JAR" org.papermap.bench.TopicsEndToEnd \
  --report "$REPORT" "$@" "$DATA" 2> "$log" || { cat "$log" >&2; exit 1; }
grep -E "Elapsed \(wall|Maximum resident|User time|System time|Percent of CPU" "$log"
rm -f "$log"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg); report $REPORT: $(stat -c %s "$REPORT") bytes"
