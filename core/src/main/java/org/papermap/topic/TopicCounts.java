package org.papermap.topic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.papermap.cluster.ClusterMetric;
import org.papermap.corpus.Paper;

/**
 * Papers counted per topic and per column, where the columns are time periods ({@link #overTime}) or
 * paper labels ({@link #perLabel}). Outliers are counted in their own row ({@code topic = -1}); papers
 * without a date (or label) are counted in {@link #missing()} only.
 *
 * <p>Thread-safety: immutable and safe.
 */
public final class TopicCounts {
  /** Time granularity. */
  public enum Period {
    /** Columns "2024"; from the paper's date, else its year. */
    YEAR,
    /** Columns "2024-06"; papers with only a year are missing. */
    MONTH
  }

  /** The most columns a timeline spans before it lists only the periods that have papers. */
  static final int MAX_CONTIGUOUS_PERIODS = 1200;

  private final List<String> columns;
  private final int topics;
  private final int[] counts; // (topics + 1) × columns; row `topics` holds outliers
  private final int missing;

  private TopicCounts(List<String> columns, int topics, int[] counts, int missing) {
    this.columns = List.copyOf(columns);
    this.topics = topics;
    this.counts = counts;
    this.missing = missing;
  }

  /**
   * Papers per topic and period, columns in time order. Periods between the first and the last are
   * all listed (with zero counts) unless they would be more than {@value #MAX_CONTIGUOUS_PERIODS}.
   */
  public static TopicCounts overTime(TopicModel model, Period period) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(period, "period");
    int n = model.paperCount();
    int[] key = new int[n]; // year*12 + month-1 (MONTH) or year (YEAR); MIN_VALUE = missing
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int ord = 0; ord < n; ord++) {
      key[ord] = periodKey(model.data().corpus().get(ord), period);
      if (key[ord] != Integer.MIN_VALUE) {
        min = Math.min(min, key[ord]);
        max = Math.max(max, key[ord]);
      }
    }
    List<Integer> present = new ArrayList<>();
    if (min <= max) {
      if ((long) max - min < MAX_CONTIGUOUS_PERIODS) {
        for (int p = min; p <= max; p++) {
          present.add(p);
        }
      } else {
        TreeMap<Integer, Boolean> seen = new TreeMap<>();
        for (int k : key) {
          if (k != Integer.MIN_VALUE) {
            seen.put(k, true);
          }
        }
        present.addAll(seen.keySet());
      }
    }
    Map<Integer, Integer> column = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (int p : present) {
      column.put(p, names.size());
      names.add(period == Period.YEAR
          ? Integer.toString(p)
          : String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(p, 12), Math.floorMod(p, 12) + 1));
    }
    int[] col = new int[n];
    for (int ord = 0; ord < n; ord++) {
      col[ord] = key[ord] == Integer.MIN_VALUE ? -1 : column.get(key[ord]);
    }
    return tally(model, names, col);
  }

  private static int periodKey(Paper p, Period period) {
    LocalDate d = p.date();
    if (period == Period.MONTH) {
      return d == null ? Integer.MIN_VALUE : d.getYear() * 12 + d.getMonthValue() - 1;
    }
    return d != null ? d.getYear() : p.year() != null ? p.year() : Integer.MIN_VALUE;
  }

  /** Papers per topic and primary label, labels by descending paper count, then by name. */
  public static TopicCounts perLabel(TopicModel model) {
    Objects.requireNonNull(model, "model");
    int n = model.paperCount();
    Map<String, Integer> frequency = new HashMap<>();
    for (int ord = 0; ord < n; ord++) {
      String label = model.data().corpus().get(ord).primaryLabel();
      if (label != null) {
        frequency.merge(label, 1, Integer::sum);
      }
    }
    List<String> names = new ArrayList<>(frequency.keySet());
    names.sort((a, b) -> frequency.get(a).equals(frequency.get(b))
        ? a.compareTo(b) : Integer.compare(frequency.get(b), frequency.get(a)));
    Map<String, Integer> column = new HashMap<>();
    for (String s : names) {
      column.put(s, column.size());
    }
    int[] col = new int[n];
    for (int ord = 0; ord < n; ord++) {
      String label = model.data().corpus().get(ord).primaryLabel();
      col[ord] = label == null ? -1 : column.get(label);
    }
    return tally(model, names, col);
  }

  private static TopicCounts tally(TopicModel model, List<String> columns, int[] col) {
    int k = model.topicCount();
    int c = columns.size();
    int[] counts = new int[(k + 1) * c];
    int missing = 0;
    for (int ord = 0; ord < col.length; ord++) {
      if (col[ord] < 0) {
        missing++;
        continue;
      }
      int t = model.topicOf(ord);
      int row = t == ClusterMetric.NOISE ? k : t;
      counts[row * c + col[ord]]++;
    }
    return new TopicCounts(columns, k, counts, missing);
  }

  /** The column names (periods or labels), in order. */
  public List<String> columns() {
    return columns;
  }

  /** Number of topics (rows besides the outlier row). */
  public int topicCount() {
    return topics;
  }

  /** Papers of {@code topic} ({@code -1} for outliers) in column {@code column}. */
  public int count(int topic, int column) {
    if (topic < ClusterMetric.NOISE || topic >= topics) {
      throw new IllegalArgumentException("topic must be in [-1, " + topics + "), got " + topic);
    }
    Objects.checkIndex(column, columns.size());
    return counts[(topic == ClusterMetric.NOISE ? topics : topic) * columns.size() + column];
  }

  /** Papers of {@code topic} ({@code -1} for outliers) per column (a copy). */
  public int[] row(int topic) {
    int[] r = new int[columns.size()];
    for (int c = 0; c < r.length; c++) {
      r[c] = count(topic, c);
    }
    return r;
  }

  /** All papers (outliers included) in column {@code column}. */
  public int total(int column) {
    Objects.checkIndex(column, columns.size());
    int s = 0;
    for (int t = 0; t <= topics; t++) {
      s += counts[t * columns.size() + column];
    }
    return s;
  }

  /** Papers without a date (or label) at this granularity, not in any column. */
  public int missing() {
    return missing;
  }

  @Override
  public String toString() {
    return "TopicCounts[topics=" + topics + ", columns=" + columns.size() + ", missing=" + missing + "]";
  }
}
