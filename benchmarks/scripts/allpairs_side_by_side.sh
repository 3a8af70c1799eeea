#!/usr/bin/env bash
# Exact all-pairs top-10, side by side on the very same TF-IDF matrix: scikit-learn 1.2.1 NearestNeighbors
# (brute, cosine, n_jobs=-1) vs PaperMap SparseIndex.neighbours(10), same machine, same run.
#
# 1. allpairs_sklearn.py builds TfidfVectorizer(sublinear_tf=True, stop_words='english', min_df=2) on the first
#    DOCS arxiv-daily abstracts, writes it with scipy.io.mmwrite and times fit(X).kneighbors(X) REPS times.
# 2. org.papermap.bench.AllPairsSideBySide reads the .mtx with MatrixMarket.read and times SparseIndex.build and
#    neighbours(10) REPS times at PARALLELISM, then compares its lists with scikit-learn's.
#
# Usage: benchmarks/scripts/allpairs_side_by_side.sh [DOCS=50000] [REPS=3] [PARALLELISM=2]
# Environment: DATA, JAVA (default temurin 25), HEAP (default 6g).
# Needs /usr/bin/python3 with python3-sklearn (Debian) and `mvn -B -q -pl core,benchmarks -am package -DskipTests`.
set -euo pipefail
DOCS=${1:-50000}
REPS=${2:-3}
PAR=${3:-2}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/arxiv-daily.jsonl.gz}
[ -f "$DATA" ] || DATA=/work/shared/data/arxiv-daily.jsonl.gz
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HEAP=${HEAP:-6g}
JAR=$ROOT/benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q -pl core,benchmarks -am package -DskipTests" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
/usr/bin/python3 "$HERE/allpairs_sklearn.py" "$DATA" "$DOCS" "$REPS" "$work/tfidf.mtx" "$work/sklearn-top10.txt" \
  | tee "$work/sklearn.txt"
echo "# load before PaperMap: $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -cp "$JAR" org.papermap.bench.AllPairsSideBySide \
  "$work/tfidf.mtx" "$work/sklearn-top10.txt" "$REPS" "$PAR" 2>/dev/null | tee "$work/ours.txt"
sk=$(sed -nE 's/^RESULT sklearn fit\+kneighbors best ([0-9.]+).*/\1/p' "$work/sklearn.txt")
jv=$(sed -nE 's/.*total best ([0-9.]+) mean.*/\1/p' "$work/ours.txt")
echo "# speed-up (best sklearn fit+kneighbors / best papermap build+neighbours): $(awk -v a="$sk" -v b="$jv" 'BEGIN{printf "%.1fx", a/b}')"
