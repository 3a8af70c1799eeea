/**
 * Index files: {@link org.papermap.index.io.IndexFiles} saves and opens indexes;
 * {@link org.papermap.index.io.CorruptIndexException} reports damaged files.
 *
 * <p>Every file is little-endian: a header, a body, a footer.
 *
 * <pre>
 * header  int   magic 0x504D4958 ("PMIX")
 *         byte  format name length, then the name in UTF-8 ("papermap.flat" | "papermap.hnsw" | "papermap.sparse")
 *         int   version (1)
 * footer  int   ~magic
 *         int   checksum algorithm (0 = CRC32)
 *         long  CRC32 of every preceding byte
 * </pre>
 *
 * Bodies of version 1 ({@code pad64} = zero bytes up to the next multiple of 64 from the file start,
 * so mapped float rows are aligned):
 *
 * <pre>
 * papermap.flat    int n, int dim, pad64, float[n*dim] rows
 * papermap.hnsw    int n, int dim, int m, int efConstruction, int efSearch, long seed,
 *                  int quantization (0 NONE, 1 INT8), int entryNode,
 *                  [INT8: float[dim] min, float[dim] max],
 *                  int[n] top level per node,
 *                  per node, per level 0..top: int count, int[count] neighbour ords,
 *                  pad64, float[n*dim] rows
 * papermap.sparse  int rows, int cols, int nnz, int[rows+1] rowPtr, int[nnz] col, float[nnz] val
 * </pre>
 *
 * Files larger than 2 GiB are rejected by version 1 (one {@code MappedByteBuffer} per file).
 */
package org.papermap.index.io;
