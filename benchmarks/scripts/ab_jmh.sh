#!/usr/bin/env bash
# A/B of one JMH benchmark between two builds, run back to back and alternating (A B A B ...), so that
# both see the same machine. Usage:
#   benchmarks/scripts/ab_jmh.sh A.jar B.jar ROUNDS BENCHMARK [JMH options...]
# e.g. (build A from the old commit, B from the new one, each with: mvn -B -q package -DskipTests, then
# copy benchmarks/target/benchmarks.jar away):
#   benchmarks/scripts/ab_jmh.sh /tmp/A.jar /tmp/B.jar 2 SparseSearchBenchmark -f 1 -wi 3 -i 5
#   benchmarks/scripts/ab_jmh.sh /tmp/A.jar /tmp/B.jar 3 HnswSearchBenchmark -p impl=papermap -p n=10000 -p dim=100 -f 1 -wi 3 -i 10
# Results: ab-<BENCHMARK>-<A|B>-<round>.json in the current folder; each run's line records the load.
set -euo pipefail
a=$1 b=$2 rounds=$3 bench=$4
shift 4
# JMH classes are Java 21 bytecode: the default `java` here (17) cannot run them, so take JDK 25 unless told.
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
[ -x "$java" ] || java=java
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    jar=$a
    [ "$side" = B ] && jar=$b
    # JMH allows one run per machine (/tmp/jmh.lock): wait for another one to end rather than share the cores.
    while :; do
      echo "== $bench $side round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
      "$java" -jar "$jar" "$bench" "$@" -rf json -rff "ab-$bench-$side-$round.json" > "ab-$bench-$side-$round.log" 2>&1 || true
      grep -q "Unable to acquire the JMH lock" "ab-$bench-$side-$round.log" || break
      sleep 30
    done
    tail -n 12 "ab-$bench-$side-$round.log" | grep -E "^$bench" \
      || { echo "FAILED: no result in ab-$bench-$side-$round.log:" >&2; grep -m 3 -E "Error|Exception" "ab-$bench-$side-$round.log" >&2; exit 1; }
  done
done
