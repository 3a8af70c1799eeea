#!/usr/bin/env bash
# TF-IDF as a user runs it (issue 8): the whole `papermap vectors` process on a cold JVM with default flags
# (bin/papermap: default heap, --threads = cores) against scikit-learn's whole script (tfidf_cli_sklearn.py),
# same input file, same settings, same machine, alternating, REPS times each. Wall seconds and peak RSS from
# /usr/bin/time; the vocabulary size and nnz of both outputs must agree (the script fails otherwise).
#   papermap vectors --preset sklearn --ngrams 1,2 --min-df 2 --sublinear --stop-words sklearn -i IN -o OUT
#   TfidfVectorizer(ngram_range=(1,2), min_df=2, sublinear_tf=True, stop_words='english')
# Ours writes text Matrix Market (OUT.mtx) + terms + ids; scikit-learn writes save_npz (binary, uncompressed).
# Usage: benchmarks/scripts/tfidf_cli_side_by_side.sh [DOCS=50000] [REPS=3]
# Needs /usr/bin/python3 with python3-sklearn and `mvn -B -q package -DskipTests` (examples/target/papermap.jar).
set -euo pipefail
DOCS=${1:-50000}
REPS=${2:-3}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data/arxiv-daily.jsonl.gz}
[ -f "$DATA" ] || DATA=/work/shared/data/arxiv-daily.jsonl.gz
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# The first DOCS records with a title, as plain JSON Lines (id, title, abstract): both sides read this file.
/usr/bin/python3 - "$DATA" "$DOCS" "$WORK/in.jsonl" <<'PY'
import gzip, json, sys
src, docs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = 0
with gzip.open(src, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
    for line in f:
        if n >= docs:
            break
        if not line.strip():
            continue
        r = json.loads(line)
        t, a = r.get("title"), r.get("abstract")
        if not isinstance(t, str) or not t.strip() or not isinstance(a, str):
            continue
        o.write(json.dumps({"id": r.get("id", str(n)), "title": t, "abstract": a}) + "\n")
        n += 1
PY
echo "# $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), commit $(git -C "$ROOT" rev-parse --short HEAD), $DOCS papers"
for rep in $(seq 1 "$REPS"); do
  /usr/bin/time -f "sklearn rep $rep: %e s wall, %U s user, %M KB peak RSS" \
    /usr/bin/python3 "$HERE/tfidf_cli_sklearn.py" "$WORK/in.jsonl" "$WORK/sk" 2>&1 | tee "$WORK/sk.out"
  /usr/bin/time -f "papermap rep $rep: %e s wall, %U s user, %M KB peak RSS" \
    "$ROOT/bin/papermap" vectors -q -i "$WORK/in.jsonl" -o "$WORK/pm" --preset sklearn --ngrams 1,2 --min-df 2 \
    --sublinear --stop-words sklearn 2>&1 | grep -v '^WARNING: Using incubator' | tee "$WORK/pm.out"
done
SKV=$(sed -nE 's/.*vocabulary=([0-9]+).*/\1/p' "$WORK/sk.out")
SKN=$(sed -nE 's/.*nnz=([0-9]+).*/\1/p' "$WORK/sk.out")
read -r _ PMV PMN < <(grep -v '^%' "$WORK/pm.mtx" | head -1)
echo "# vocabulary: sklearn $SKV, papermap $PMV; nnz: sklearn $SKN, papermap $PMN"
[ "$SKV" = "$PMV" ] && [ "$SKN" = "$PMN" ] || { echo "MISMATCH: vocabulary or nnz differ" >&2; exit 1; }
