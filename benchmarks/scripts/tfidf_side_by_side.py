"""scikit-learn side of benchmarks/scripts/tfidf_side_by_side.sh.

Times TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=2, stop_words='english')
.fit_transform on the first DOCS records of arxiv-daily.jsonl.gz (text = title + ". " + abstract,
records with a blank title skipped, exactly as org.papermap.bench.BenchData does).
Usage: python3 tfidf_side_by_side.py DATA DOCS REPS
"""
import gzip
import json
import sys
import time

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer


def load(path, limit):
    texts = []
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
    return texts


def main():
    path, docs, reps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    texts = load(path, docs)
    best = 0.0
    for rep in range(reps):
        v = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, stop_words="english")
        t0 = time.perf_counter()
        x = v.fit_transform(texts)
        sec = time.perf_counter() - t0
        dps = len(texts) / sec
        best = max(best, dps)
        print(f"sklearn rep {rep}: {sec:.3f} s, {dps:.0f} docs/s, vocabulary {len(v.vocabulary_)}, nnz {x.nnz}", flush=True)
    print(f"RESULT sklearn {sklearn.__version__} docs={len(texts)} vocabulary={len(v.vocabulary_)} nnz={x.nnz} best_docs_per_s={best:.0f}")


if __name__ == "__main__":
    main()
