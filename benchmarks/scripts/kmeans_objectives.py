#!/usr/bin/python3
"""Scores two labelings of the same exported vectors with one objective definition for both sides.

For each labeling, with the best centroids for that labeling:
  spherical  = 1/2 * sum_i ||x^_i - c^||^2, x^ = x/||x|| (zero rows stay 0), c^ = normalized cluster sum
               (= sum_i (1 - cos(x_i, c)) over non-zero rows; PaperMap's COSINE objective);
  euclidean  = sum_i ||x_i - mean||^2 (scikit-learn's inertia).
Also the agreement of the two labelings (ARI, NMI). Usage: kmeans_objectives.py DIR lsa|tfidf OURS SKLEARN
"""
import json
import sys

import numpy as np
import scipy.sparse
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from kmeans_sklearn import load  # noqa: E402


def cluster_sums(x, labels, k):
    """k x d dense sums of the rows of x (dense or sparse) per label."""
    onehot = scipy.sparse.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, len(labels)))
    s = onehot @ x
    return np.asarray(s.toarray() if scipy.sparse.issparse(s) else s, dtype=np.float64)


def objectives(x, labels):
    k = int(labels.max()) + 1
    sparse = scipy.sparse.issparse(x)
    sq = np.asarray(x.multiply(x).sum(axis=1)).ravel() if sparse else (x * x).sum(axis=1)
    norms = np.sqrt(sq)
    inv = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    xs = scipy.sparse.diags(inv) @ x if sparse else x * inv[:, None]
    counts = np.bincount(labels, minlength=k).astype(np.float64)
    unit_rows = np.bincount(labels, weights=sq * inv * inv, minlength=k)  # sum of ||x^||^2 per cluster
    sphere_norms = np.linalg.norm(cluster_sums(xs, labels, k), axis=1)
    spherical = float(np.sum(0.5 * unit_rows + 0.5 * counts * (sphere_norms > 0) - sphere_norms))
    sums = cluster_sums(x, labels, k)
    full = counts > 0
    euclid = float(np.sum(sq) - np.sum(np.linalg.norm(sums[full], axis=1) ** 2 / counts[full]))
    return spherical, euclid, int((counts == 0).sum())


def main():
    directory, kind, ours_file, theirs_file = sys.argv[1:5]
    x = load(directory, kind).astype(np.float64)
    ours = np.loadtxt(ours_file, dtype=np.int64)
    theirs = np.loadtxt(theirs_file, dtype=np.int64)
    o = objectives(x, ours)
    t = objectives(x, theirs)
    print(json.dumps({
        "input": kind,
        "papermap": {"spherical_objective": o[0], "euclidean_inertia": o[1], "empty_clusters": o[2]},
        "scikit-learn": {"spherical_objective": t[0], "euclidean_inertia": t[1], "empty_clusters": t[2]},
        "agreement": {"ari": adjusted_rand_score(theirs, ours), "nmi": normalized_mutual_info_score(theirs, ours)},
    }))


if __name__ == "__main__":
    main()
