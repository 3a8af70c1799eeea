#!/usr/bin/env bash
# LSA side by side: scikit-learn 1.2.1 TruncatedSVD vs PaperMap RandomizedSvd on the very same TF-IDF matrix.
#
# 1. lsa_sklearn.py builds TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=2, stop_words='english')
#    on the first DOCS arxiv-daily abstracts (title + ". " + abstract), writes it with scipy.io.mmwrite, and times
#    TruncatedSVD(RANK, algorithm='randomized', n_iter=ITERS, random_state=0).fit_transform REPS times.
# 2. org.papermap.bench.LsaSideBySide reads that .mtx and times RandomizedSvd.fit (rank RANK, oversampling 10,
#    ITERS power iterations) REPS times at parallelism 1 and 2.
#
# Environment: DATA (default ../shared/data/arxiv-daily.jsonl.gz from the repo root), DOCS (50000), RANK (100),
# ITERS (5), REPS (3), NORMALIZER: sklearn's power_iteration_normalizer, 'auto' = LU for n_iter > 2 (default auto);
# OURS: our normalizer(s), space-separated (default "QR LU"); JAVA (default temurin 25); HEAP (default 10g).
# Needs /usr/bin/python3 with python3-sklearn (Debian) and `mvn -pl benchmarks -am package -DskipTests` done.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
DATA="${DATA:-$root/../shared/data/arxiv-daily.jsonl.gz}"
DOCS="${DOCS:-50000}"
RANK="${RANK:-100}"
ITERS="${ITERS:-5}"
REPS="${REPS:-3}"
NORMALIZER="${NORMALIZER:-auto}"
OURS="${OURS:-QR LU}"
JAVA="${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}"
HEAP="${HEAP:-10g}"
jar="$root/benchmarks/target/benchmarks.jar"
[[ -f "$jar" ]] || { echo "missing $jar: run mvn -B -q -pl benchmarks -am package -DskipTests" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$root" rev-parse --short HEAD)"
echo "# scikit-learn (normalizer $NORMALIZER)"
/usr/bin/python3 "$root/benchmarks/scripts/lsa_sklearn.py" --data "$DATA" --docs "$DOCS" --rank "$RANK" \
  --iters "$ITERS" --reps "$REPS" --mtx "$work/tfidf.mtx" --normalizer "$NORMALIZER" | tee "$work/sklearn.json"
for n in $OURS; do
  echo "# PaperMap RandomizedSvd (normalizer $n), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -cp "$jar" org.papermap.bench.LsaSideBySide \
    "$work/tfidf.mtx" "$RANK" "$ITERS" "$n" "$REPS" 1 2 2>/dev/null | tee -a "$work/ours.jsonl"
done
/usr/bin/python3 - "$work/sklearn.json" "$work/ours.jsonl" <<'PY'
import json, sys
sk = json.load(open(sys.argv[1]))
s_ref = sk["singular_values"]
print("# summary: best and worst seconds per fit; max relative difference of the singular values vs scikit-learn")
med = lambda xs: f"{min(xs):.2f}..{max(xs):.2f}"
print(f"scikit-learn {sk['sklearn']} normalizer={sk['normalizer']}: {med(sk['svd_seconds'])} s "
      f"{sk['rows']}x{sk['cols']} nnz={sk['nnz']}")
for line in open(sys.argv[2]):
    o = json.loads(line)
    top10 = max(abs(a - b) / b for a, b in zip(o["singular_values"][:10], s_ref[:10]))
    alls = max(abs(a - b) / b for a, b in zip(o["singular_values"], s_ref))
    print(f"papermap normalizer={o['normalizer']} parallelism={o['parallelism']}: {med(o['svd_seconds'])} s; "
          f"rel diff top-10 {top10:.1e}, all {len(s_ref)} {alls:.1e}")
PY
