#!/usr/bin/env bash
# Side-by-side TF-IDF fit_transform: scikit-learn vs PaperMap, same machine, same run, same data.
# Usage: benchmarks/scripts/tfidf_side_by_side.sh [DOCS=50000] [REPS=3] [PARALLELISM=2]
# Needs: /usr/bin/python3 with scikit-learn (Debian python3-sklearn), and the shaded jar
# (mvn -B -q -pl core,benchmarks -am package -DskipTests).
set -euo pipefail
DOCS=${1:-50000}
REPS=${2:-3}
PAR=${3:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${PAPERMAP_DATA:-$ROOT/../shared/data/arxiv-daily.jsonl.gz}
[ -f "$DATA" ] || DATA=/work/shared/data/arxiv-daily.jsonl.gz
JAR=$ROOT/benchmarks/target/benchmarks.jar
JAVA=${PAPERMAP_JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -f "$JAR" ] || { echo "missing $JAR: build it with mvn -B -q -pl core,benchmarks -am package -DskipTests" >&2; exit 2; }

echo "# machine: $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
OUT=$(mktemp)
/usr/bin/python3 "$HERE/tfidf_side_by_side.py" "$DATA" "$DOCS" "$REPS" | tee "$OUT"
"$JAVA" --add-modules jdk.incubator.vector -Xmx4g -Dpapermap.data="$DATA" -cp "$JAR" \
  org.papermap.bench.SideBySide "$DOCS" "$REPS" "$PAR" 2>/dev/null | tee -a "$OUT"

SK=$(grep '^RESULT sklearn' "$OUT")
JV=$(grep '^RESULT java' "$OUT")
vocab() { sed -E 's/.*vocabulary=([0-9]+).*/\1/' <<<"$1"; }
nnz() { sed -E 's/.*nnz=([0-9]+).*/\1/' <<<"$1"; }
dps() { sed -E 's/.*best_docs_per_s=([0-9]+).*/\1/' <<<"$1"; }
echo "# vocabulary: sklearn $(vocab "$SK"), papermap $(vocab "$JV"); nnz: sklearn $(nnz "$SK"), papermap $(nnz "$JV")"
if [ "$(vocab "$SK")" != "$(vocab "$JV")" ] || [ "$(nnz "$SK")" != "$(nnz "$JV")" ]; then
  echo "MISMATCH: vocabulary or nnz differ" >&2
  rm -f "$OUT"; exit 1
fi
echo "# speed-up (best docs/s): $(awk -v a="$(dps "$JV")" -v b="$(dps "$SK")" 'BEGIN{printf "%.2fx", a/b}')"
rm -f "$OUT"
