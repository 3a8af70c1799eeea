#!/usr/bin/env bash
# k-means side by side on the very same vectors: scikit-learn 1.2.1 KMeans(n_clusters=K, n_init=NINIT) vs
# PaperMap KMeans.fit (spherical: COSINE, Hamerly bounds, k-means++, tol 1e-4, max 300 iterations), same machine, same run.
#
# 1. org.papermap.bench.KMeansSideBySide export: the first DOCS arxiv-daily papers, our default TF-IDF (minDf 2,
#    maxDf 0.5; rows L2-normalized) written as Matrix Market, and its L2-normalized LSA-100 (seed 42) as float32.
# 2. For INPUTS (lsa, tfidf): kmeans_sklearn.py times scikit-learn's fit REPS times on that file (float32);
#    KMeansSideBySide run times ours REPS times (first rep on a cold JIT) at PARALLELISM threads.
# 3. kmeans_objectives.py scores both labelings with ONE definition (spherical objective ½Σ||x̂−ĉ||² with
#    ĉ the normalized cluster sum, and Euclidean inertia with the cluster mean), so the objectives compare.
#
# Both sides report wall and process-CPU seconds; with PARALLELISM=1 the script also limits scikit-learn to one
# thread (OMP_NUM_THREADS=1), and CPU seconds then compare the work done even on a loaded machine.
#
# Usage: benchmarks/scripts/kmeans_side_by_side.sh [DOCS=50000] [K=50] [NINIT=10] [REPS=3] [PARALLELISM=2]
# Environment: DATA, INPUTS (default "lsa tfidf"), JAVA (default temurin 25), HEAP (default 4g), JAR.
# Needs /usr/bin/python3 with python3-sklearn (Debian) and `mvn -B -q -pl core,benchmarks -am package -DskipTests`.
set -euo pipefail
DOCS=${1:-50000}
K=${2:-50}
NINIT=${3:-10}
REPS=${4:-3}
PAR=${5:-2}
INPUTS=${INPUTS:-lsa tfidf}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/arxiv-daily.jsonl.gz}
[ -f "$DATA" ] || DATA=/work/shared/data/arxiv-daily.jsonl.gz
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HEAP=${HEAP:-4g}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q -pl core,benchmarks -am package -DskipTests" >&2; exit 2; }
if [ "$PAR" = 1 ]; then export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1; fi
run_java() { "$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -Dpapermap.data="$DATA" -cp "$JAR" \
  org.papermap.bench.KMeansSideBySide "$@" 2>/dev/null; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "# $(date -u +%FT%TZ) $(nproc --all) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD)"
echo "# export: $DOCS papers"
run_java export "$DOCS" "$work" "$PAR"
for input in $INPUTS; do
  echo "# $input: scikit-learn, load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/python3 "$HERE/kmeans_sklearn.py" --dir "$work" --input "$input" --k "$K" --n-init "$NINIT" \
    --reps "$REPS" --labels-out "$work/sklearn-$input.txt" | tee "$work/sklearn-$input.json"
  echo "# $input: PaperMap, load $(cut -d' ' -f1-3 /proc/loadavg)"
  run_java run "$work" "$K" "$NINIT" "$REPS" "$PAR" "$input" "$work/papermap-$input.txt" | tee "$work/papermap-$input.json"
  /usr/bin/python3 "$HERE/kmeans_objectives.py" "$work" "$input" "$work/papermap-$input.txt" "$work/sklearn-$input.txt" \
    | tee "$work/objectives-$input.json"
done
/usr/bin/python3 - "$work" $INPUTS <<'PY'
import json, sys
work = sys.argv[1]
print("# summary: best (and first) seconds per fit of K clusters x N_INIT restarts; objectives by one definition")
for kind in sys.argv[2:]:
    sk = json.load(open(f"{work}/sklearn-{kind}.json"))
    pm = json.load(open(f"{work}/papermap-{kind}.json"))
    ob = json.load(open(f"{work}/objectives-{kind}.json"))
    s, p = min(sk["fit_seconds"]), min(pm["fit_seconds"])
    sc, pc = min(sk["fit_cpu_seconds"]), min(pm["fit_cpu_seconds"])
    print(f"{kind} n={pm['n']} d={pm['dims']} k={pm['k']} n_init={pm['n_init']} parallelism={pm['parallelism']}: "
          f"scikit-learn {s:.2f} s wall (first {sk['fit_seconds'][0]:.2f}), {sc:.2f} s CPU; "
          f"PaperMap {p:.2f} s wall (first {pm['fit_seconds'][0]:.2f}), {pc:.2f} s CPU; "
          f"speed-up x{s / p:.1f} wall, x{sc / pc:.1f} CPU")
    for side in ("papermap", "scikit-learn"):
        o = ob[side]
        print(f"  {side:13s} spherical objective {o['spherical_objective']:.3f}  euclidean inertia {o['euclidean_inertia']:.3f}"
              f"  empty clusters {o['empty_clusters']}")
    print(f"  agreement between the two labelings: ARI {ob['agreement']['ari']:.3f}, NMI {ob['agreement']['nmi']:.3f}")
PY
