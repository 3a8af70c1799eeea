package org.papermap.bench.quality;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.papermap.bench.BenchData;
import org.papermap.corpus.Corpus;
import org.papermap.corpus.Paper;

/**
 * A labelled evaluation set: papers in file order and the id of each paper's {@code label} (-1 when it has
 * none, which matches nothing). Read exactly as {@code scripts/quality_sklearn.py} reads it: JSON Lines
 * (gzip if the name ends in .gz), records with a blank title or no abstract skipped, the first {@code limit}
 * kept, text kept as stored (no normalization), ids = the record's line number so that duplicate ids in a
 * feed cannot break the corpus.
 *
 * <p>Thread-safety: immutable and safe.
 *
 * @param name the set's name in tables
 * @param corpus the papers; {@link Paper#text()} is {@code title + ". " + abstract}
 * @param titles one paper per paper holding only its title (the title-query side)
 * @param labels label id per paper, or -1
 * @param relevant per paper, the number of OTHER papers with its label
 */
public record LabelledSet(String name, Corpus corpus, Corpus titles, int[] labels, int[] relevant) {
  public LabelledSet {
    Objects.requireNonNull(name, "name");
    labels = labels.clone();
    relevant = relevant.clone();
  }

  public int size() {
    return labels.length;
  }

  public int label(int ord) {
    return labels[ord];
  }

  public int relevant(int ord) {
    return relevant[ord];
  }

  public int labelCount() {
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    return max + 1;
  }

  /**
   * Reads a set.
   *
   * @param limit keep at most this many papers ({@link Integer#MAX_VALUE} for all)
   */
  public static LabelledSet read(String name, Path file, int limit) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      return read(name, file.toString(), in, limit);
    }
  }

  static LabelledSet read(String name, String source, InputStream in, int limit) throws IOException {
    Corpus read = BenchData.read(in, limit, source);
    List<Paper> papers = new ArrayList<>();
    List<Paper> titles = new ArrayList<>();
    List<String> labelNames = new ArrayList<>();
    for (int i = 0; i < read.size(); i++) {
      Paper p = read.get(i);
      papers.add(p);
      titles.add(new Paper(p.id(), p.title(), "", List.of(), null, null, null, null, p.labels(), null));
      labelNames.add(p.labels().isEmpty() ? null : p.labels().get(0));
    }
    if (papers.isEmpty()) {
      throw new IOException(source + ": no papers with a title and an abstract");
    }
    Map<String, Integer> ids = new HashMap<>();
    int n = papers.size();
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      String l = labelNames.get(i);
      labels[i] = l == null ? -1 : ids.computeIfAbsent(l, k -> ids.size());
    }
    int[] count = new int[ids.size()];
    for (int l : labels) {
      if (l >= 0) {
        count[l]++;
      }
    }
    int[] relevant = new int[n];
    for (int i = 0; i < n; i++) {
      relevant[i] = labels[i] < 0 ? 0 : count[labels[i]] - 1;
    }
    return new LabelledSet(name, Corpus.of(papers), Corpus.of(titles), labels, relevant);
  }
}
