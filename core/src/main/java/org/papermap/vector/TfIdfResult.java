package org.papermap.vector;

import java.util.Objects;

/**
 * The result of {@link TfIdfVectorizer#fitTransform}: the fitted model and the TF-IDF matrix of the
 * training corpus (row {@code r} is the paper with ordinal {@code r}).
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param model the fitted model
 * @param matrix {@code corpus.size() × model.vocabulary().size()} TF-IDF weights
 */
public record TfIdfResult(TfIdfModel model, SparseMatrix matrix) {
  public TfIdfResult {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(matrix, "matrix");
  }
}
