"""scikit-learn side of benchmarks/scripts/tfidf_cli_side_by_side.sh: a whole user script.

Reads a JSON Lines file of papers (id, title, abstract), vectorizes title + ". " + abstract with
TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words='english') and writes the
matrix (scipy.sparse.save_npz, uncompressed: its fastest natural format) and the vocabulary, one term a
line. Prints the vocabulary size and nnz for the cross-check.
Usage: python3 tfidf_cli_sklearn.py IN.jsonl OUT_PREFIX
"""
import json
import sys

import scipy.sparse
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    src, out = sys.argv[1], sys.argv[2]
    texts = []
    with open(src, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            texts.append(r["title"] + ". " + r["abstract"] if r["abstract"] else r["title"])
    v = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, stop_words="english")
    x = v.fit_transform(texts)
    scipy.sparse.save_npz(out + ".npz", x, compressed=False)
    with open(out + ".terms.txt", "w", encoding="utf-8") as f:
        for t in v.get_feature_names_out():
            f.write(t + "\n")
    print(f"sklearn vocabulary={x.shape[1]} nnz={x.nnz}")


if __name__ == "__main__":
    main()
