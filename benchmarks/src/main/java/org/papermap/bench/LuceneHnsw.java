package org.papermap.bench;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * Lucene's own HNSW as the peer: {@code KnnFloatVectorField} with DOT_PRODUCT similarity in a
 * {@code ByteBuffersDirectory}, one segment (forceMerge(1); LogDocMergePolicy keeps doc id = insertion
 * order), {@code Lucene99HnswVectorsFormat(maxConn = M, beamWidth = efConstruction)}. A search asks
 * {@code KnnFloatVectorQuery} for {@code ef} hits (Lucene's k is its beam) and keeps the first k.
 */
final class LuceneHnsw implements AutoCloseable {
  static final String FIELD = "v";
  private final Directory dir;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  LuceneHnsw(float[][] vectors, int m, int efConstruction) throws IOException {
    dir = new ByteBuffersDirectory();
    IndexWriterConfig cfg = new IndexWriterConfig();
    cfg.setCodec(
        new Lucene104Codec() {
          @Override
          public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return new Lucene99HnswVectorsFormat(m, efConstruction);
          }
        });
    cfg.setRAMBufferSizeMB(2048);
    cfg.setMergePolicy(new LogDocMergePolicy());
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (float[] v : vectors) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField(FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
        w.addDocument(doc);
      }
      w.forceMerge(1);
    }
    reader = DirectoryReader.open(dir);
    if (reader.leaves().size() != 1) {
      throw new IllegalStateException("expected one segment, got " + reader.leaves().size());
    }
    searcher = new IndexSearcher(reader);
  }

  /** Doc ids of the best {@code k} of an {@code ef}-wide search (doc id = insertion ord). */
  int[] search(float[] q, int k, int ef) throws IOException {
    TopDocs td = searcher.search(new KnnFloatVectorQuery(FIELD, q, Math.max(k, ef)), Math.max(k, ef));
    int n = Math.min(k, td.scoreDocs.length);
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = td.scoreDocs[i].doc;
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    dir.close();
  }
}
