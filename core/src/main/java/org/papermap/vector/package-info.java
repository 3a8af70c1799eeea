/**
 * Sparse and dense vectors, and TF-IDF: {@link org.papermap.vector.TfIdfVectorizer} learns a
 * {@link org.papermap.vector.TfIdfModel} (a {@link org.papermap.vector.Vocabulary} plus idf) that
 * turns papers into {@link org.papermap.vector.SparseVector}s and {@link
 * org.papermap.vector.SparseMatrix} rows; {@link org.papermap.vector.LsaModel} embeds them by a
 * randomized SVD.
 *
 * <p>Files: {@link org.papermap.vector.TfIdfModelFile} and {@link org.papermap.vector.LsaModelFile}
 * save and open the models in the one file format of {@code org.papermap.io}; their bodies are
 * described in each class.
 */
package org.papermap.vector;
