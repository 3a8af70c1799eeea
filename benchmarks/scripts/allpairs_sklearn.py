"""scikit-learn side of allpairs_side_by_side.sh.

Builds TfidfVectorizer(sublinear_tf=True, stop_words='english', min_df=2) on the first DOCS arxiv-daily
abstracts (text = title + ". " + abstract, blank titles skipped as org.papermap.bench.BenchData does), writes
the matrix with scipy.io.mmwrite, then times REPS runs of
NearestNeighbors(n_neighbors=11, metric="cosine", algorithm="brute", n_jobs=-1).fit(X).kneighbors(X).
kneighbors chunks the queries itself (pairwise_distances_chunked, working_memory = sklearn's default
1024 MiB), so no manual batching is needed. Writes the top 10 per row with self dropped (one line of
space-separated ords per row) for the Java side to compare.
Usage: python3 allpairs_sklearn.py DATA DOCS REPS OUT.mtx OUT_TOP10.txt
"""
import os
import sys
import time

import numpy as np
import scipy
import scipy.io
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.neighbors import NearestNeighbors

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from related_precision_sklearn import load, top10_without_self  # noqa: E402


def main():
    data, docs, reps, mtx, top_out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
    texts, _ = load(data, docs)
    x = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2).fit_transform(texts)
    empty = int(np.sum(np.diff(x.indptr) == 0))
    print(f"# sklearn {sklearn.__version__}, scipy {scipy.__version__}: X {x.shape[0]} x {x.shape[1]}, "
          f"nnz {x.nnz}, empty rows {empty}", flush=True)
    scipy.io.mmwrite(mtx, x)
    times = []
    ind = None
    for rep in range(reps):
        t0 = time.perf_counter()
        _, ind = NearestNeighbors(n_neighbors=11, metric="cosine", algorithm="brute", n_jobs=-1).fit(x).kneighbors(x)
        sec = time.perf_counter() - t0
        times.append(sec)
        print(f"sklearn rep {rep}: fit+kneighbors {sec:.3f} s, load {os.getloadavg()[0]:.2f}", flush=True)
    print(f"RESULT sklearn fit+kneighbors best {min(times):.3f} mean {sum(times) / len(times):.3f} s")
    top = top10_without_self(ind)
    np.savetxt(top_out, top, fmt="%d", delimiter=" ")


if __name__ == "__main__":
    main()
