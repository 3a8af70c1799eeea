#!/usr/bin/python3
"""Writes core/src/test/resources/golden/lsa/seed-papers-lsa.json: scikit-learn's TfidfVectorizer
(ngram_range=(1,2), sublinear_tf=True, min_df=2, stop_words='english') on the 262 seed papers
(text = title + ". " + abstract) and TruncatedSVD of it, both the exact 'arpack' solver and
'randomized' (n_iter=5, random_state=0). Usage: lsa_golden.py <seed-papers.jsonl> <out.json>"""
import json
import sys

import numpy as np
import scipy
import sklearn
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

papers = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
texts = [p["title"] + ". " + p["abstract"] for p in papers]
x = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, stop_words="english").fit_transform(texts).tocsr()
x.sort_indices()
d = 10
arpack = TruncatedSVD(d, algorithm="arpack", random_state=0).fit(x)
rand = TruncatedSVD(d, algorithm="randomized", n_iter=5, random_state=0).fit(x)
out = {
    "produced_by": f"scikit-learn {sklearn.__version__}, scipy {scipy.__version__}, numpy {np.__version__}",
    "what": "TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=2, stop_words='english') on seed-papers.jsonl, then TruncatedSVD(10)",
    "rows": x.shape[0], "cols": x.shape[1],
    "row_ptr": x.indptr.tolist(), "col_idx": x.indices.tolist(), "values": x.data.tolist(),
    "dimensions": d,
    "arpack": {"singular_values": arpack.singular_values_.tolist(),
               "explained_variance_ratio": arpack.explained_variance_ratio_.tolist(),
               "components": arpack.components_[:3].tolist()},
    "randomized_n_iter5_seed0": {"singular_values": rand.singular_values_.tolist(),
               "explained_variance_ratio": rand.explained_variance_ratio_.tolist()},
}
json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
print(x.shape, x.nnz, arpack.singular_values_, rand.singular_values_, arpack.explained_variance_ratio_)
