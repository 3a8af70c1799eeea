#!/usr/bin/python3
"""The fixed arxiv-daily sample of kmeans_quality.sh: 20,000 records drawn with random.Random(SEED) from all
records with a non-blank title and abstract (in file order afterwards), then only the papers whose primary
category (`label`) has at least MIN_PAPERS papers in the sample. Writes JSON Lines (id, title, abstract, label).
Usage: kmeans_quality_sample.py DATA OUT [SIZE=20000] [MIN_PAPERS=100] [SEED=20250101]
"""
import collections
import gzip
import json
import random
import sys


def main():
    data, out = sys.argv[1], sys.argv[2]
    size = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    min_papers = int(sys.argv[4]) if len(sys.argv) > 4 else 100
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 20250101
    records = []
    with gzip.open(data, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            t, a, l = r.get("title"), r.get("abstract"), r.get("label")
            if isinstance(t, str) and t.strip() and isinstance(a, str) and a.strip() and isinstance(l, str) and l:
                records.append({"id": f"arxiv-{len(records)}-{r.get('id')}", "title": t, "abstract": a, "label": l})
    picked = sorted(random.Random(seed).sample(range(len(records)), size))
    sample = [records[i] for i in picked]
    counts = collections.Counter(r["label"] for r in sample)
    kept = [r for r in sample if counts[r["label"]] >= min_papers]
    with open(out, "w", encoding="utf-8") as f:
        for r in kept:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    labels = sum(1 for c in counts.values() if c >= min_papers)
    print(json.dumps({"records": len(records), "sample": size, "kept": len(kept), "labels": labels}))


if __name__ == "__main__":
    main()
