# Sourced by the quality scripts (kmeans_quality.sh, topic_quality.sh, facade_topic_quality.sh): the labelled sets
# and the tools, set up the same way. Expects HERE (the scripts folder) and ROOT (the repository). Sets DATA,
# DEVSETS, JAVA, HEAP, JAR (checked), work (OUT, or a temporary folder removed on exit), prints the run's header,
# draws the fixed arxiv-daily sample (kmeans_quality_sample.py) and fills `sets` with NAME=FILE for the sets
# asked (environment SETS: space-separated names; default all four).
DATA=${DATA:-$ROOT/../shared/data/arxiv-daily.jsonl.gz}
[ -f "$DATA" ] || DATA=/work/shared/data/arxiv-daily.jsonl.gz
DEVSETS=${DEVSETS:-$ROOT/../shared/data/devsets}
[ -d "$DEVSETS" ] || DEVSETS=/work/shared/data/devsets
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HEAP=${HEAP:-4g}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q -pl core,benchmarks -am package -DskipTests" >&2; exit 2; }
if [ -n "${OUT:-}" ]; then work=$OUT; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi

echo "# $(date -u +%FT%TZ) $(nproc --all) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
/usr/bin/python3 "$HERE/kmeans_quality_sample.py" "$DATA" "$work/arxiv-20k.jsonl"
all=(iclr2024-areas="$DEVSETS/iclr2024-areas.jsonl" clustrec-covid="$DEVSETS/clustrec-covid.jsonl"
     coronacentral-topics="$DEVSETS/coronacentral-topics.jsonl" arxiv-20k="$work/arxiv-20k.jsonl")
sets=()
for s in "${all[@]}"; do
  if [ -z "${SETS:-}" ] || [[ " $SETS " == *" ${s%%=*} "* ]]; then sets+=("$s"); fi
done
