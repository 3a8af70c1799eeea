#!/usr/bin/python3
"""One table of facade_topic_quality.sh: every set, PaperMap's facade topics and scikit-learn's, same run.

Reads FacadeTopicQuality's lines (papermap.jsonl) and kmeans_quality_sklearn.py's (sklearn.jsonl). Per set and
method: runs (seeds), topics, noise before reassignment, outliers left, NMI / ARI / AMI (outliers one more class;
mean ± sd over seeds), NPMI@10, diversity@10, and NMI − REF, REF = the best scikit-learn mean NMI of the set (its
ARI is the ARI bar). Then the issue's bars per set: facade k-means at k = labels NMI and ARI >= REF's; facade HDBSCAN
<= MAX_OUTLIERS outliers with NMI >= REF.
Usage: facade_topic_quality_summary.py papermap.jsonl sklearn.jsonl [MAX_OUTLIERS=0.10]
"""
import json
import statistics
import sys
from collections import OrderedDict


def read(path):
    return [json.loads(line) for line in open(path, encoding="utf-8") if line.startswith("{")]


def stat(rows, key):
    vals = [r[key] for r in rows if key in r]
    if not vals:
        return None, None
    return statistics.mean(vals), (statistics.stdev(vals) if len(vals) > 1 else 0.0)


def fmt(rows, key, pct=False):
    m, sd = stat(rows, key)
    if m is None:
        return ""
    if pct:
        return f"{100 * m:.1f}%"
    return f"{m:.3f}" + (f" ± {sd:.3f}" if len(rows) > 1 else "")


def group(rows):
    out = OrderedDict()
    for r in rows:
        out.setdefault(r["set"], OrderedDict()).setdefault(r["method"], []).append(r)
    return out


def main():
    ours, theirs = group(read(sys.argv[1])), group(read(sys.argv[2]))
    max_out = float(sys.argv[3]) if len(sys.argv) > 3 else 0.10
    print("| set (papers, labels) | method | runs | topics | noise before | outliers | NMI | ARI | AMI | NPMI@10 | diversity@10 | NMI − REF |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    bars = []
    for s, methods in ours.items():
        sk = theirs.get(s, {})
        ref_method = max(sk, key=lambda m: stat(sk[m], "nmi")[0]) if sk else None
        ref = stat(sk[ref_method], "nmi")[0] if ref_method else None
        ref_ari = stat(sk[ref_method], "ari")[0] if ref_method else None
        first = next(iter(methods.values()))[0]
        label = f"{s} ({first['papers']:,}, {first['k']})"
        for m, rows in methods.items():
            nmi = stat(rows, "nmi")[0]
            delta = f"{nmi - ref:+.3f}" if ref is not None else ""
            topics = sorted({r["topics"] for r in rows})
            tp = str(topics[0]) if len(topics) == 1 else f"{topics[0]}–{topics[-1]}"
            print(f"| {label} | papermap {m} | {len(rows)} | {tp} | {fmt(rows, 'initial_outliers', True)} | "
                  f"{fmt(rows, 'outliers', True)} | {fmt(rows, 'nmi')} | {fmt(rows, 'ari')} | {fmt(rows, 'ami')} | "
                  f"{fmt(rows, 'npmi')} | {fmt(rows, 'diversity')} | {delta} |")
            label = ""
        for m, rows in sk.items():
            mark = " (REF)" if m == ref_method else ""
            print(f"| | {m}{mark} | {len(rows)} | {rows[0]['k']} | | | {fmt(rows, 'nmi')} | {fmt(rows, 'ari')} | "
                  f"{fmt(rows, 'ami')} | | | {stat(rows, 'nmi')[0] - ref:+.3f} |")
        if ref is None:
            continue
        km = methods.get("facade k-means, k = labels")
        hdb = methods.get("facade hdbscan (defaults)")
        if km:
            n, a = stat(km, "nmi")[0], stat(km, "ari")[0]
            bars.append(f"{s}: k-means NMI {n:.3f} vs REF {ref:.3f} ({n - ref:+.3f}), ARI {a:.3f} vs {ref_ari:.3f} "
                        f"({a - ref_ari:+.3f}): {'met' if n >= ref and a >= ref_ari else 'MISSED'}")
        if hdb:
            n, o = stat(hdb, "nmi")[0], stat(hdb, "outliers")[0]
            bars.append(f"{s}: hdbscan outliers {100 * o:.1f}%, NMI {n:.3f} vs REF {ref:.3f} ({n - ref:+.3f}): "
                        f"{'met' if o <= max_out and n >= ref else 'MISSED'}")
    print()
    print(f"REF = best scikit-learn mean NMI of the set (its ARI for the ARI bar); bars: outliers <= {100 * max_out:.0f}%.")
    for b in bars:
        print("- " + b)


if __name__ == "__main__":
    main()
