/**
 * Sparse and dense vectors, and TF-IDF: {@link org.papermap.vector.TfIdfVectorizer} learns a
 * {@link org.papermap.vector.TfIdfModel} (a {@link org.papermap.vector.Vocabulary} plus idf) that
 * turns papers into {@link org.papermap.vector.SparseVector}s and {@link
 * org.papermap.vector.SparseMatrix} rows.
 *
 * <h2>TF-IDF model file, format version 1</h2>
 *
 * <p>All integers are big-endian ({@link java.io.DataOutput} order); strings are an {@code int}
 * byte length followed by UTF-8 bytes.
 *
 * <pre>
 * header   int   0x504D4150 ("PMAP")                  Codec.HEADER_MAGIC
 *          int   18, byte[18] "PaperMapTfIdfModel"     codec name
 *          int   1                                     format version
 * options  int   k; k × (string key, string value)    TfIdfOptions.toMap()
 *                                                      (analyzer options prefixed "analyzer.")
 * corpus   int   documentCount                        documents the model was fitted on
 * terms    int   n                                     number of terms
 *          int   b; byte[b]                           UTF-8 of all terms concatenated, in ord order
 *                                                      (strictly increasing unsigned bytes =
 *                                                      code-point order)
 *          n × int                                     byte length of each term
 * idf      n × double                                 idf of each term (IEEE 754 bits)
 * footer   int   ~0x504D4150                           Codec.FOOTER_MAGIC
 *          int   0                                     checksum algorithm: CRC32
 *          long  crc                                   CRC32 of every preceding byte
 * </pre>
 *
 * <p>Readers load the whole file, check the footer first (a truncated or corrupted file fails
 * there), then the header (magic, codec name, version in [1, 1]), then parse and validate the body;
 * any failure raises {@link org.papermap.vector.CorruptModelException} naming the file. Files are
 * written to a temporary file in the target directory and renamed into place.
 */
package org.papermap.vector;
