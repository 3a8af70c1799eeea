#!/usr/bin/python3
"""scikit-learn side of the LSA side-by-side comparison (see lsa_side_by_side.sh).

Builds TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=2, stop_words='english') on the first N
abstracts of arxiv-daily (text = title + ". " + abstract), writes the matrix as Matrix Market, then times
TruncatedSVD(rank, algorithm='randomized', n_iter=5, random_state=0).fit_transform over several reps.
Prints one JSON object on stdout.
"""
import argparse
import gzip
import json
import sys
import time

import numpy as np
import scipy
import scipy.io
import sklearn
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--docs", type=int, default=50000)
    p.add_argument("--rank", type=int, default=100)
    p.add_argument("--iters", type=int, default=5)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--mtx", required=True)
    p.add_argument("--normalizer", default="auto", help="power_iteration_normalizer passed to TruncatedSVD")
    a = p.parse_args()

    texts = []
    with gzip.open(a.data, "rt", encoding="utf-8") as f:
        for line in f:
            if len(texts) >= a.docs:
                break
            rec = json.loads(line)
            texts.append(rec["title"] + ". " + rec["abstract"])
    t0 = time.perf_counter()
    vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, stop_words="english")
    x = vec.fit_transform(texts).tocsr()
    x.sort_indices()
    tfidf_s = time.perf_counter() - t0
    scipy.io.mmwrite(a.mtx, x, precision=9)

    times = []
    sv = None
    for _ in range(a.reps):
        svd = TruncatedSVD(a.rank, algorithm="randomized", n_iter=a.iters, random_state=0,
                           power_iteration_normalizer=a.normalizer)
        t0 = time.perf_counter()
        emb = svd.fit_transform(x)
        times.append(time.perf_counter() - t0)
        sv = svd.singular_values_
    print(json.dumps({
        "sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
        "rows": x.shape[0], "cols": x.shape[1], "nnz": int(x.nnz), "dtype": str(x.dtype),
        "tfidf_seconds": tfidf_s, "svd_seconds": times, "normalizer": a.normalizer,
        "explained_variance_ratio_sum": float(svd.explained_variance_ratio_.sum()),
        "singular_values": [float(v) for v in sv],
    }))


if __name__ == "__main__":
    sys.exit(main())
