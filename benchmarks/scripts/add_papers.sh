#!/usr/bin/env bash
# Adding papers to a saved map as a user does it, each step one cold `bin/papermap` process with default flags:
#   1. build a map of the first N arxiv-daily abstracts with K k-means topics (papermap build --topics K),
#   2. add the next M abstracts to it (papermap add: vectorized with the map's vocabulary, indexed, topics
#      predicted, saved in place),
#   3. for comparison, the refit: build a map of all N + M abstracts with the same options.
# Prints wall time, CPU and peak RSS (/usr/bin/time -v) of each step and the load average. Timings are indicative
# unless the machine is quiet. Usage: benchmarks/scripts/add_papers.sh [N=50000] [M=1000] [K=50]
# Environment: DATA (default ../shared/data/arxiv-daily.jsonl.gz; "sample" or absent: the bundled sample, four
# files then the fifth, K = 5), PAPERMAP_JAVA_OPTS (passed to bin/papermap, e.g. -Xmx4g), KEEP (a folder to keep the maps in).
set -euo pipefail
N=${1:-50000}
M=${2:-1000}
K=${3:-50}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/arxiv-daily.jsonl.gz}
[ -f "$DATA" ] || [ "$DATA" = sample ] || DATA=/work/shared/data/arxiv-daily.jsonl.gz
if [ -n "${KEEP:-}" ]; then work=$KEEP; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
if [ -f "$DATA" ]; then
  # head closes the pipe early: zcat's SIGPIPE is expected
  { zcat "$DATA" || true; } | head -n "$((N + M))" > "$work/all.jsonl"
  head -n "$N" "$work/all.jsonl" > "$work/first.jsonl"
  tail -n +"$((N + 1))" "$work/all.jsonl" > "$work/next.jsonl"
else
  echo "# $DATA absent: the bundled sample (examples/data), first four files then the fifth" >&2
  "$ROOT/bin/papermap" parse -i "$ROOT"/examples/data/00[0-3]_* -o "$work/first.jsonl" -q
  "$ROOT/bin/papermap" parse -i "$ROOT"/examples/data/004_* -o "$work/next.jsonl" -q
  cat "$work/first.jsonl" "$work/next.jsonl" > "$work/all.jsonl"
  K=5
fi
[ -f "$work/all.jsonl" ] || cat "$work/first.jsonl" "$work/next.jsonl" > "$work/all.jsonl"
echo "# $(date -u +%FT%TZ) $(nproc --all) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
echo "# first $(wc -l < "$work/first.jsonl") papers, then $(wc -l < "$work/next.jsonl") more; k-means topics K=$K"
step() {
  local name=$1; shift
  local log=$work/$name.time
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || { cat "$log" >&2; exit 1; }
  printf '%-8s wall %s  user %ss  sys %ss  peak RSS %s kB\n' "$name" \
    "$(grep 'Elapsed (wall' "$log" | awk '{print $NF}')" "$(grep 'User time' "$log" | awk '{print $NF}')" \
    "$(grep 'System time' "$log" | awk '{print $NF}')" "$(grep 'Maximum resident' "$log" | awk '{print $NF}')"
  grep '^papermap: added' "$log" || true
}
step build "$ROOT/bin/papermap" build -i "$work/first.jsonl" -o "$work/map" --topics "$K" -q
step add "$ROOT/bin/papermap" add --map "$work/map" -i "$work/next.jsonl" -q
step refit "$ROOT/bin/papermap" build -i "$work/all.jsonl" -o "$work/refit" --topics "$K" -q
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
