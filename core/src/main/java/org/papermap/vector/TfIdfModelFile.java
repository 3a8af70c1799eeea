package org.papermap.vector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.papermap.io.Codec;
import org.papermap.io.CodecInput;
import org.papermap.io.CodecOutput;
import org.papermap.io.CorruptFileException;
import org.papermap.io.FileFormat;
import org.papermap.io.MapId;
import org.papermap.text.PaperAnalyzer;

/**
 * The file of a {@link TfIdfModel}: its options, vocabulary and idf.
 *
 * <pre>
 * body  string map  options ({@link TfIdfOptions#toMap})
 *       int         documentCount
 *       int         n, the number of terms
 *       int, bytes  the terms' UTF-8 bytes, concatenated in term order
 *       int[n]      byte length of each term
 *       double[n]   idf of each term
 * </pre>
 *
 * Version 2 is little-endian like every PaperMap file; version 1 (release 0.1) had the same body,
 * big-endian, and is still read.
 *
 * <p>Thread-safety: stateless; safe.
 */
public final class TfIdfModelFile {
  /** Format name and versions (version 1: release 0.1's big-endian file). */
  public static final FileFormat FORMAT = new FileFormat("papermap.tfidf", 1, 2, "PaperMapTfIdfModel");

  private TfIdfModelFile() {}

  /**
   * Writes the model to {@code file}, all or nothing (the previous content stays if writing fails).
   *
   * @throws IOException naming the file if it cannot be written
   */
  public static void save(TfIdfModel model, Path file) throws IOException {
    Objects.requireNonNull(model, "model");
    Codec.write(file, FORMAT, MapId.NONE, out -> write(model, out));
  }

  /** Writes the body of the model's file (for a map folder; {@link #save} for a file on its own). */
  public static void write(TfIdfModel model, CodecOutput out) throws IOException {
    out.writeMap(model.options().toMap());
    out.writeInt(model.documentCount());
    Vocabulary vocabulary = model.vocabulary();
    int n = vocabulary.size();
    out.writeInt(n);
    byte[] bytes = vocabulary.utf8Bytes();
    int[] offsets = vocabulary.utf8Offsets();
    out.writeInt(bytes.length);
    out.writeBytes(bytes);
    for (int i = 0; i < n; i++) {
      out.writeInt(offsets[i + 1] - offsets[i]);
    }
    for (int i = 0; i < n; i++) {
      out.writeDouble(model.idf(i));
    }
  }

  /**
   * Reads a model written by {@link #save} (or by release 0.1, format version 1).
   *
   * @throws CorruptFileException naming the file if it is not a regular file, is truncated, damaged,
   *     not a TF-IDF model, or of an unsupported version
   * @throws IOException if the file cannot be read
   */
  public static TfIdfModel open(Path file) throws IOException {
    return read(Codec.open(file, FORMAT));
  }

  /** Reads the body written by {@link #write}. */
  public static TfIdfModel read(CodecInput in) throws IOException {
    TfIdfOptions options;
    try {
      options = TfIdfOptions.fromMap(in.readMap());
    } catch (IllegalArgumentException e) {
      throw in.corrupt(e.getMessage(), e);
    }
    int documentCount = in.readInt("document count", 0, Integer.MAX_VALUE);
    int n = in.readInt("term count", 0, in.remaining());
    int nBytes = in.readInt("term bytes", 0, in.remaining());
    byte[] bytes = in.readBytes(nBytes);
    int[] offsets = new int[n + 1];
    for (int i = 0; i < n; i++) {
      offsets[i + 1] = offsets[i] + in.readInt("term length", 0, nBytes);
    }
    if (offsets[n] != nBytes) {
      throw in.corrupt("term lengths add up to " + offsets[n] + " bytes, not " + nBytes);
    }
    double[] idf = in.readDoubles(n);
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(idf[i])) {
        throw in.corrupt("idf of term " + i + " is not finite");
      }
    }
    in.expectEnd();
    Vocabulary vocabulary;
    try {
      vocabulary = Vocabulary.ofSortedUtf8(bytes, offsets);
    } catch (IllegalArgumentException e) {
      throw in.corrupt("invalid vocabulary: " + e.getMessage(), e);
    }
    return new TfIdfModel(options, vocabulary, idf, documentCount, new PaperAnalyzer(options.analyzer()));
  }
}
