"""scikit-learn side of org.papermap.bench.QualityHarness (issue 8): related and title-query quality.

For each labelled set (the three devsets and a fixed arxiv-daily sample), text = title + ". " + abstract,
every paper is a query, the paper itself is excluded, and a hit is a neighbour with the query's `label`:
- related: the paper's own vector against all papers;
- title-query: the paper's title alone, transformed by the fitted vectorizer (and folded into the LSA
  space), against all papers' title + abstract.
Measures: P@10, and MAP@10 = mean over queries of sum_{i<=10} P@i * rel_i / min(10, R), where R is the
number of other papers with the query's label (0 when R = 0). Scores are cosines (rows L2-normalized);
ranking is by score descending, ties to the lower index, exactly as the Java side ranks.

Settings (scikit-learn's two, each as TF-IDF cosine and as LSA-100 + L2 normalization):
  defaults:  TfidfVectorizer()
  best:      TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_df=0.8, sublinear_tf=True,
             stop_words='english', max_features=50000)
  LSA:       TruncatedSVD(100, random_state=0) (randomized, n_iter=5), then Normalizer(); seed 0
             reproduces the devsets README; other seeds move P@10 by up to 0.003

Usage: python3 quality_sklearn.py OUT.tsv SET_NAME=PATH[:LIMIT] ...
  PATH is a JSON Lines file (optionally .gz); LIMIT keeps the first LIMIT records with a non-blank title.
Writes one TSV line per (set, setting): set, setting, papers, terms, relP10, relMAP10, titleP10, titleMAP10.
"""
import gzip
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import Normalizer

SEED = 0  # random_state=0 reproduces the devsets README to the third decimal
K = 10
CHUNK = 1000


def load(path, limit):
    opener = gzip.open if path.endswith(".gz") else open
    titles, texts, labels = [], [], []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(texts) >= limit:
                break
            if not line.strip():
                continue
            r = json.loads(line)
            title, abstract = r.get("title"), r.get("abstract")
            if not isinstance(title, str) or not title.strip() or not isinstance(abstract, str):
                continue
            titles.append(title)
            texts.append(title + ". " + abstract if abstract else title)
            label = r.get("label")
            labels.append(label if isinstance(label, str) else None)
    return titles, texts, labels


def label_ids(labels):
    ids, out = {}, np.empty(len(labels), dtype=np.int64)
    for i, l in enumerate(labels):
        out[i] = -1 - i if l is None else ids.setdefault(l, len(ids))  # None matches nothing
    return out


def evaluate(queries, docs, lab):
    """queries, docs: row-normalized matrices (sparse or dense), row q of queries is paper q."""
    n = docs.shape[0]
    counts = np.bincount(lab[lab >= 0], minlength=1) if (lab >= 0).any() else np.zeros(1, dtype=np.int64)
    hits_total, ap_total = 0, 0.0
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        s = queries[start:stop] @ docs.T
        s = s.toarray() if sp.issparse(s) else np.asarray(s)
        s = s.astype(np.float64)
        rows = np.arange(stop - start)
        s[rows, np.arange(start, stop)] = -np.inf  # self excluded
        part = np.argpartition(-s, K - 1, axis=1)[:, :K]
        for i in range(stop - start):
            q = start + i
            lq = lab[q]
            row = s[i]
            # exact top K, ties to the lower index: everything scoring at least the K-th best, sorted
            kth = row[part[i]].min()
            cand = np.flatnonzero(row >= kth)
            top = cand[np.lexsort((cand, -row[cand]))][:K]
            rel = (lab[top] == lq) if lq >= 0 else np.zeros(K, dtype=bool)
            h = int(rel.sum())
            hits_total += h
            r = (counts[lq] - 1) if lq >= 0 else 0
            if r > 0 and h > 0:
                prec = np.cumsum(rel) / np.arange(1, K + 1)
                ap_total += float((prec * rel).sum()) / min(K, r)
    return hits_total / (K * n), ap_total / n


def run_set(name, titles, texts, labels, out):
    lab = label_ids(labels)
    settings = {
        "sklearn-defaults": dict(),
        "sklearn-best": dict(ngram_range=(1, 2), min_df=2, max_df=0.8, sublinear_tf=True,
                             stop_words="english", max_features=50000),
    }
    for sname, kw in settings.items():
        t0 = time.perf_counter()
        vec = TfidfVectorizer(**kw)
        x = vec.fit_transform(texts)
        xt = vec.transform(titles)
        rel = evaluate(x, x, lab)
        tq = evaluate(xt, x, lab)
        emit(out, name, sname + " tfidf", x, rel, tq, t0)
        t0 = time.perf_counter()
        svd = TruncatedSVD(100, random_state=SEED)
        norm = Normalizer()
        e = norm.transform(svd.fit_transform(x))
        et = norm.transform(svd.transform(xt))
        rel = evaluate(e, e, lab)
        tq = evaluate(et, e, lab)
        emit(out, name, sname + " lsa100", x, rel, tq, t0)


def emit(out, name, setting, x, rel, tq, t0):
    line = "\t".join([name, setting, str(x.shape[0]), str(x.shape[1]),
                      f"{rel[0]:.4f}", f"{rel[1]:.4f}", f"{tq[0]:.4f}", f"{tq[1]:.4f}"])
    out.write(line + "\n")
    out.flush()
    print(f"{line}\t({time.perf_counter() - t0:.1f} s, sklearn {sklearn.__version__})", flush=True)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: quality_sklearn.py OUT.tsv SET_NAME=PATH[:LIMIT] ...")
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        out.write("# set\tsetting\tpapers\tterms\trelP10\trelMAP10\ttitleP10\ttitleMAP10\n")
        for spec in sys.argv[2:]:
            name, path = spec.split("=", 1)
            limit = None
            if ":" in path and path.rsplit(":", 1)[1].isdigit():
                path, lim = path.rsplit(":", 1)
                limit = int(lim)
            titles, texts, labels = load(path, limit)
            run_set(name, titles, texts, labels, out)


if __name__ == "__main__":
    main()
