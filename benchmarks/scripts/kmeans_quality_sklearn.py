#!/usr/bin/python3
"""scikit-learn side of kmeans_quality.sh: NMI, ARI and AMI against the labels, k = the number of labels.

For each NAME=FILE.jsonl (the same files PaperMap read; text = title + ". " + abstract):
  1. KMeans(k, n_init=N_INIT, random_state=seed) on PaperMap's exported LSA-100 vectors (DIR/NAME.lsa.f32):
     the same vectors, so the comparison is of the clustering alone;
  2. end to end, as scikit-learn's "Clustering text documents using k-means" example does it:
     TfidfVectorizer -> TruncatedSVD(100, random_state=seed) -> Normalizer -> KMeans(k, n_init=N_INIT), with two
     TF-IDF settings: the example's (max_df=0.5, min_df=5, stop_words='english') and the best one of the devsets
     README for related-paper search ((1,2)-grams, min_df=2, max_df=0.8, sublinear_tf, stop words, 50k features).
The labels PaperMap wrote (DIR/NAME.labels.txt) must equal the file's: the check guards the row order.
Prints one JSON object per run. Usage: kmeans_quality_sklearn.py DIR SEEDS N_INIT NAME=FILE...
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score, normalized_mutual_info_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

TFIDF = {
    "example (max_df .5, min_df 5, stop words)": dict(max_df=0.5, min_df=5, stop_words="english"),
    "(1,2)-grams, min_df 2, max_df .8, sublinear, stop words, 50k": dict(
        ngram_range=(1, 2), min_df=2, max_df=0.8, sublinear_tf=True, stop_words="english", max_features=50000),
}


def read_f32(path):
    with open(path, "rb") as f:
        n, d = np.frombuffer(f.read(8), dtype=">i4")
        return np.frombuffer(f.read(), dtype=">f4").astype(np.float32).reshape(n, d)


def report(name, n, k, method, seed, truth, pred, seconds):
    print(json.dumps({
        "set": name, "papers": n, "k": k, "method": method, "seed": seed,
        "nmi": normalized_mutual_info_score(truth, pred), "ari": adjusted_rand_score(truth, pred),
        "ami": adjusted_mutual_info_score(truth, pred), "seconds": seconds}), flush=True)


def main():
    out, seeds, n_init = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    for arg in sys.argv[4:]:
        name, path = arg.split("=", 1)
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        texts = [r["title"] + ". " + r["abstract"] if r["abstract"] else r["title"] for r in rows]
        labels = [r["label"] for r in rows]
        exported = [line.rstrip("\n") for line in open(f"{out}/{name}.labels.txt", encoding="utf-8")]
        if exported != labels:
            raise SystemExit(f"{name}: PaperMap's labels differ from {path} (row order or dropped rows)")
        codes = {l: i for i, l in enumerate(dict.fromkeys(labels))}
        truth = np.array([codes[l] for l in labels])
        k = len(codes)
        lsa = read_f32(f"{out}/{name}.lsa.f32")
        for seed in range(seeds):
            t0 = time.perf_counter()
            pred = KMeans(k, n_init=n_init, random_state=seed).fit_predict(lsa)
            report(name, len(rows), k, "scikit-learn KMeans on PaperMap's LSA-100", seed, truth, pred,
                   time.perf_counter() - t0)
        for tf_name, kw in TFIDF.items():
            x = TfidfVectorizer(**kw).fit_transform(texts)
            for seed in range(seeds):
                t0 = time.perf_counter()
                emb = make_pipeline(TruncatedSVD(100, random_state=seed), Normalizer(copy=False)).fit_transform(x)
                pred = KMeans(k, n_init=n_init, random_state=seed).fit_predict(emb)
                report(name, len(rows), k, f"scikit-learn end to end, TF-IDF {tf_name}, LSA-100", seed, truth, pred,
                       time.perf_counter() - t0)


if __name__ == "__main__":
    main()
