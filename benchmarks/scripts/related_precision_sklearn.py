"""scikit-learn side of org.papermap.bench.RelatedQuality: precision@10 of TF-IDF cosine neighbours.

On the first DOCS records of arxiv-daily.jsonl.gz (text = title + ". " + abstract, records with a blank
title skipped, exactly as org.papermap.bench.BenchData does), for every paper as a query: the share of its
10 nearest other papers (NearestNeighbors(metric="cosine", algorithm="brute").kneighbors(n_neighbors=11),
self dropped) whose primary category `label` equals the query's. A paper without a label counts as a miss,
as in RelatedQuality.
Usage: python3 related_precision_sklearn.py DATA DOCS [all|main]  (main: only the min_df=2, max_df=0.5 variant)
"""
import gzip
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors


def load(path, limit):
    texts, labels = [], []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if len(texts) >= limit:
                break
            if not line.strip():
                continue
            r = json.loads(line)
            title, abstract = r.get("title"), r.get("abstract")
            if not isinstance(title, str) or not title.strip() or not isinstance(abstract, str):
                continue
            texts.append(title + ". " + abstract if abstract else title)
            label = r.get("label")
            labels.append(label if isinstance(label, str) else None)
    return texts, labels


def top10_without_self(ind):
    """Drops the query itself (wherever a tie put it), else the 11th neighbour."""
    out = np.empty((ind.shape[0], 10), dtype=np.int64)
    for q in range(ind.shape[0]):
        row = [d for d in ind[q] if d != q]
        out[q] = row[:10]
    return out


def precision(top, labels):
    hits = 0
    for q in range(top.shape[0]):
        lq = labels[q]
        if lq is None:
            continue
        hits += sum(1 for d in top[q] if labels[d] == lq)
    return hits / (10.0 * top.shape[0])


def main():
    path, docs = sys.argv[1], int(sys.argv[2])
    texts, labels = load(path, docs)
    configs = {
        "sklearn-tfidf sublinear stop=english min_df=2 max_df=0.5":
            dict(sublinear_tf=True, stop_words="english", min_df=2, max_df=0.5),
        "sklearn-tfidf defaults": dict(),
    }
    if len(sys.argv) > 3 and sys.argv[3] == "main":
        configs = dict(list(configs.items())[:1])
    for name, kw in configs.items():
        t0 = time.perf_counter()
        x = TfidfVectorizer(**kw).fit_transform(texts)
        _, ind = NearestNeighbors(metric="cosine", algorithm="brute").fit(x).kneighbors(x, n_neighbors=11)
        p = precision(top10_without_self(ind), labels)
        print(f"RESULT {name}\tP@10 {p:.4f}\tterms {x.shape[1]}\tdocs {x.shape[0]}\tqueries {x.shape[0]}"
              f"\t({time.perf_counter() - t0:.1f} s, sklearn {sklearn.__version__})", flush=True)


if __name__ == "__main__":
    main()
