#!/usr/bin/env bash
# The quality table of issue 8, one run: scikit-learn's two settings (scripts/quality_sklearn.py) and
# PaperMap's settings (org.papermap.bench.quality.QualityHarness: the facade as a user calls it, plus the
# prototype settings of scripts/quality_variants.tsv) on all four labelled sets:
# iclr2024-areas, clustrec-covid, coronacentral-topics (../shared/data/devsets) and the first ARXIV_LIMIT
# arxiv-daily papers with a title (label = primary category). Prints one Markdown table: per set and setting,
# related P@10, title-query P@10, related MAP@10, title-query MAP@10, and the margin over scikit-learn's best.
#
# Usage: benchmarks/scripts/quality_table.sh [SETS=iclr,clustrec,corona,arxiv]
# Environment: DATA (folder holding devsets/ and arxiv-daily.jsonl.gz), ARXIV_LIMIT (20000), PARALLELISM (2),
# VARIANTS (scripts/quality_variants.tsv), JAVA (temurin 25), HEAP (6g), OUT (a temporary folder),
# QUERY and MENTION (a free-text query whose top 10 per setting is printed with the papers mentioning MENTION).
# Needs /usr/bin/python3 with python3-sklearn (Debian) and `mvn -B -q -pl core,benchmarks -am package -DskipTests`.
# Quality does not depend on machine load; the run took ~50 min on 2 shared cores at load 10-18 (arxiv is most of it).
set -euo pipefail
SETS=${1:-iclr,clustrec,corona,arxiv}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=${DATA:-$ROOT/../shared/data}
[ -d "$DATA/devsets" ] || DATA=/work/shared/data
ARXIV_LIMIT=${ARXIV_LIMIT:-20000}
PAR=${PARALLELISM:-2}
VARIANTS=${VARIANTS:-$HERE/quality_variants.tsv}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HEAP=${HEAP:-6g}
JAR=${JAR:-$ROOT/benchmarks/target/benchmarks.jar}
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q -pl core,benchmarks -am package -DskipTests" >&2; exit 2; }
OUT=${OUT:-$(mktemp -d)}
mkdir -p "$OUT"

specs=()
for s in ${SETS//,/ }; do
  case $s in
    iclr) specs+=("iclr2024-areas=$DATA/devsets/iclr2024-areas.jsonl") ;;
    clustrec) specs+=("clustrec-covid=$DATA/devsets/clustrec-covid.jsonl") ;;
    corona) specs+=("coronacentral-topics=$DATA/devsets/coronacentral-topics.jsonl") ;;
    arxiv) specs+=("arxiv-daily-20k=$DATA/arxiv-daily.jsonl.gz:$ARXIV_LIMIT") ;;
    *) echo "unknown set '$s' (iclr, clustrec, corona, arxiv)" >&2; exit 2 ;;
  esac
done
echo "# $(date -u +%FT%TZ) commit $(git -C "$ROOT" rev-parse --short HEAD), sets $SETS, arxiv limit $ARXIV_LIMIT, out $OUT"
/usr/bin/python3 "$HERE/quality_sklearn.py" "$OUT/sklearn.tsv" "${specs[@]}"
"$JAVA" --add-modules jdk.incubator.vector -Xmx"$HEAP" -cp "$JAR" org.papermap.bench.quality.QualityHarness \
  --data "$DATA" --sets "$SETS" --arxiv-limit "$ARXIV_LIMIT" --parallelism "$PAR" \
  --sklearn "$OUT/sklearn.tsv" --facade --variants "$VARIANTS" \
  ${QUERY:+--query "$QUERY" --mention "${MENTION:-$QUERY}"} 2>/dev/null | tee "$OUT/ours.txt"
