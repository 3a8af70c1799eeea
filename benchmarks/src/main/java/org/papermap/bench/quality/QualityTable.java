package org.papermap.bench.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.papermap.bench.quality.QualityHarness.Row;

/**
 * Formats the harness's rows as one Markdown table, grouped by set in the order the sets first appear,
 * with each row's margin, in points, over scikit-learn's best on that set and measure (the highest
 * related and the highest title-query P@10 among the scikit-learn rows).
 *
 * <p>Thread-safety: a static utility; safe.
 */
final class QualityTable {
  private QualityTable() {}

  static String markdown(List<Row> rows) {
    Map<String, List<Row>> bySet = new LinkedHashMap<>();
    for (Row r : rows) {
      bySet.computeIfAbsent(r.set(), k -> new ArrayList<>()).add(r);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("| set | setting | related P@10 | title-query P@10 | related MAP@10 | title-query MAP@10 |"
        + " Δ related / title P@10 vs scikit-learn's best (points) |\n");
    sb.append("|---|---|---:|---:|---:|---:|---|\n");
    for (Map.Entry<String, List<Row>> e : bySet.entrySet()) {
      double bestRel = Double.NaN;
      double bestTitle = Double.NaN;
      for (Row r : e.getValue()) {
        if (r.setting().startsWith("scikit-learn")) {
          bestRel = Double.isNaN(bestRel) ? r.relP10() : Math.max(bestRel, r.relP10());
          bestTitle = Double.isNaN(bestTitle) ? r.titleP10() : Math.max(bestTitle, r.titleP10());
        }
      }
      for (Row r : e.getValue()) {
        String delta = Double.isNaN(bestRel) || r.setting().startsWith("scikit-learn") ? ""
            : String.format(Locale.ROOT, "%+.1f / %+.1f", 100 * (r.relP10() - bestRel),
                100 * (r.titleP10() - bestTitle));
        sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %.4f | %.4f | %.4f | %s |%n", r.set(),
            r.setting(), r.relP10(), r.titleP10(), r.relMap(), r.titleMap(), delta));
      }
    }
    return sb.toString();
  }
}
