"""Writes average-linkage goldens from SciPy for TopicHierarchyConformanceTest.

Run with Debian's python3 (SciPy 1.10.1): /usr/bin/python3 make_linkage_golden.py
Each case: topic vectors drawn from a seeded normal distribution, their cosine distances (1 - cos), and
SciPy's linkage(method="average") of the condensed distances.
"""
import json

import numpy as np
import scipy
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import squareform

for name, k, d, seed in [("linkage-k6", 6, 5, 1), ("linkage-k25", 25, 8, 2)]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(k, d))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    dist = np.clip(1 - x @ x.T, 0, None)
    np.fill_diagonal(dist, 0)
    dist = (dist + dist.T) / 2
    z = linkage(squareform(dist, checks=False), method="average")
    with open(name + ".json", "w") as f:
        json.dump({"scipy": scipy.__version__, "method": "average",
                   "distances": dist.tolist(), "linkage": z.tolist()}, f, indent=1)
