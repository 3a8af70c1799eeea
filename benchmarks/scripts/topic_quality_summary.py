#!/usr/bin/python3
"""Tables of topic_quality.sh from the JSON lines of TopicClusteringQuality (ours) and kmeans_quality_sklearn.py.

1. Per set: topics over our k-means (mean ± sd over seeds: NMI, ARI, NPMI@10, diversity@10) beside scikit-learn's
   KMeans rows from the same run (on our LSA-100, and its own TfidfVectorizer -> TruncatedSVD(100) -> Normalizer ->
   KMeans pipelines). REF = the best scikit-learn mean NMI of the set (the bar HDBSCAN topics must reach).
2. HDBSCAN + reassignment, per set and setting: clusters and noise before reassignment, then the best
   (strategy, threshold) with at most MAX_OUTLIERS outliers after reassignment, its NMI over all papers (outliers
   one more class), its NMI over the papers in a topic ("clustered"), and NMI - REF.
3. Across the sets: every (setting, strategy, threshold) that ran on all of them, ranked by its worst NMI - REF
   under the outlier cap (a default is chosen across every set, never one).
Usage: topic_quality_summary.py OURS.jsonl SKLEARN.jsonl [MAX_OUTLIERS=0.10]
"""
import collections
import json
import statistics
import sys


def ms(xs):
    return f"{statistics.mean(xs):.3f} ± {statistics.stdev(xs) if len(xs) > 1 else 0:.3f}"


def main():
    ours = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
    sk = [json.loads(l) for l in open(sys.argv[2]) if l.startswith("{")] if len(sys.argv) > 2 else []
    cap = float(sys.argv[3]) if len(sys.argv) > 3 else 0.10
    sets = list(dict.fromkeys(r["set"] for r in ours))
    ref = {}
    print("\n## Topics at k = number of labels (mean ± sd over seeds; NMI arithmetic)\n")
    print("| set (papers, k) | method | NMI | ARI | NPMI@10 | diversity@10 |")
    print("|---|---|---:|---:|---:|---:|")
    for s in sets:
        rows = [r for r in ours if r["set"] == s]
        km = [r for r in rows if r["method"] != "hdbscan"]
        head = f"{s} ({rows[0]['papers']:,}, {rows[0]['k']})"
        if km:
            print(f"| {head} | {km[0]['method']} | {ms([r['nmi'] for r in km])} | {ms([r['ari'] for r in km])} | "
                  f"{ms([r['npmi'] for r in km])} | {ms([r['diversity'] for r in km])} |")
            head = ""
        by = collections.defaultdict(list)
        for r in sk:
            if r["set"] == s:
                by[r["method"]].append(r)
        for m, rs in by.items():
            print(f"| {head} | {m} | {ms([r['nmi'] for r in rs])} | {ms([r['ari'] for r in rs])} | | |")
            head = ""
            ref[s] = max(ref.get(s, 0), statistics.mean(r["nmi"] for r in rs))
    hd = [r for r in ours if r["method"] == "hdbscan"]
    if not hd:
        return
    print(f"\n## HDBSCAN + reassignment: best strategy/threshold with <= {cap:.0%} outliers per setting\n")
    print("REF = best scikit-learn mean NMI of the set in this run. NMI(all): outliers are one more class; "
          "NMI(clust.): only papers in a topic.\n")
    print("| set | setting (mcs, ms) | clusters | noise | strategy @ threshold | outliers | NMI (all) | "
          "NMI (clust.) | ARI | AMI | NMI − REF | reduced to k: NMI / ARI / AMI |")
    print("|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|")
    npmi = {}
    for r in hd:
        if "npmi" in r:
            npmi[(r["set"], r["setting"], r["strategy"])] = (r["npmi"], r["diversity"])
    for s in sets:
        settings = list(dict.fromkeys(r["setting"] for r in hd if r["set"] == s))
        for st in settings:
            rs = [r for r in hd if r["set"] == s and r["setting"] == st]
            red = [r for r in rs if r.get("strategy", "").endswith("reduce(k)")]
            red = f"{red[0]['nmi']:.3f} / {red[0]['ari']:.3f} / {red[0]['ami']:.3f}" if red else ""
            ok = [r for r in rs if r.get("outliers", 1) <= cap and not r["strategy"].endswith("reduce(k)")]
            r0 = rs[0]
            if not ok:
                print(f"| {s} | {st} ({r0['mcs']}, {r0['ms']}) | {r0['clusters']} | {r0['noise']:.1%} | none | | | | | | | {red} |")
                continue
            b = max(ok, key=lambda r: r["nmi"])
            gap = f"{b['nmi'] - ref[s]:+.3f}" if s in ref else ""
            print(f"| {s} | {st} ({b['mcs']}, {b['ms']}) | {b['clusters']} | {b['noise']:.1%} | "
                  f"{b['strategy']} @ {b['threshold']:.1f} | {b['outliers']:.1%} | {b['nmi']:.3f} | "
                  f"{b['nmi_clustered']:.3f} | {b['ari']:.3f} | {b['ami']:.3f} | {gap} | {red} |")
    if not ref:
        return
    combos = collections.defaultdict(dict)
    for r in hd:
        if "outliers" in r:
            combos[(r["setting"], r["strategy"], r["threshold"])][r["set"]] = r
    ranked = []
    for key, per in combos.items():
        if set(per) != set(sets):
            continue
        if any(per[s]["outliers"] > cap for s in sets):
            continue
        ranked.append((min(per[s]["nmi"] - ref[s] for s in sets), key, per))
    ranked.sort(key=lambda x: -x[0])
    print(f"\n## Across all sets: settings with <= {cap:.0%} outliers everywhere, by worst NMI − REF (top 15)\n")
    print("| setting | strategy @ threshold | worst NMI − REF | " + " | ".join(
        f"{s}: NMI / ARI / outliers / topics / NPMI" for s in sets) + " |")
    print("|---|---|---:|" + "---:|" * len(sets))
    for worst, (st, strat, t), per in ranked[:15]:
        cells = []
        for s in sets:
            p = npmi.get((s, st, strat), (float("nan"), 0))[0]
            cells.append(f"{per[s]['nmi']:.3f} / {per[s]['ari']:.3f} / {per[s]['outliers']:.1%} / {per[s]['topics']} / {p:.3f}")
        print(f"| {st} | {strat} @ {t:.1f} | {worst:+.3f} | " + " | ".join(cells) + " |")

    first = hd[0]["setting"]
    print(f"\n## Strategies and thresholds for the first setting ({first}): outliers left / NMI (all) / NMI (clust.)\n")
    print("| strategy @ threshold | " + " | ".join(sets) + " |")
    print("|---|" + "---:|" * len(sets))
    keys = list(dict.fromkeys((r["strategy"], r["threshold"]) for r in hd if r["setting"] == first and "outliers" in r))
    for strat, t in keys:
        cells = []
        for s in sets:
            r = [r for r in hd if r["set"] == s and r["setting"] == first and r.get("strategy") == strat
                 and r.get("threshold") == t]
            cells.append(f"{r[0]['outliers']:.1%} / {r[0]['nmi']:.3f} / {r[0]['nmi_clustered']:.3f}" if r else "")
        print(f"| {strat} @ {t:.1f} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
