#!/usr/bin/python3
"""scikit-learn side of kmeans_side_by_side.sh: KMeans on the very vectors PaperMap exported.

Reads DIR/lsa.f32 (big-endian int n, int d, then n*d big-endian float32, written by
org.papermap.bench.KMeansSideBySide export) or DIR/tfidf.mtx (Matrix Market), as float32 (the precision
PaperMap stores them in), and times KMeans(n_clusters=K, n_init=N_INIT, random_state=0).fit REPS times
(default algorithm 'lloyd', tol 1e-4, max_iter 300, OpenMP on all cores unless OMP_NUM_THREADS says otherwise).
Prints one JSON object with wall and process-CPU seconds per fit; writes the labels of the last fit, one per line.
"""
import argparse
import json
import sys
import time

import numpy as np
import scipy
import scipy.io
import sklearn
from sklearn.cluster import KMeans


def load(directory, kind):
    if kind == "lsa":
        with open(f"{directory}/lsa.f32", "rb") as f:
            n, d = np.frombuffer(f.read(8), dtype=">i4")
            x = np.frombuffer(f.read(), dtype=">f4").astype(np.float32).reshape(n, d)
        return np.ascontiguousarray(x)
    if kind == "tfidf":
        return scipy.io.mmread(f"{directory}/tfidf.mtx").tocsr().astype(np.float32)
    raise SystemExit(f"--input must be lsa or tfidf, got {kind}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--input", required=True)
    p.add_argument("--k", type=int, default=50)
    p.add_argument("--n-init", type=int, default=10)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--labels-out", required=True)
    a = p.parse_args()
    t0 = time.perf_counter()
    x = load(a.dir, a.input)
    read_s = time.perf_counter() - t0
    times, cpu = [], []
    km = None
    for _ in range(a.reps):
        km = KMeans(n_clusters=a.k, n_init=a.n_init, random_state=0)
        c0, t0 = time.process_time(), time.perf_counter()
        km.fit(x)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    np.savetxt(a.labels_out, km.labels_, fmt="%d")
    print(json.dumps({
        "side": "scikit-learn", "sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__,
        "input": a.input, "n": x.shape[0], "dims": x.shape[1], "k": a.k, "n_init": a.n_init,
        "read_seconds": read_s, "fit_seconds": times, "fit_cpu_seconds": cpu, "inertia": float(km.inertia_), "iterations": int(km.n_iter_),
    }))


if __name__ == "__main__":
    sys.exit(main())
