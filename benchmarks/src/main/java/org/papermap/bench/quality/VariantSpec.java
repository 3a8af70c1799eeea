package org.papermap.bench.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.papermap.text.PaperAnalyzer;
import org.papermap.vector.TfIdfOptions;
import org.papermap.vector.TfIdfVectorizer;

/**
 * A prototype setting written as {@code key=value} pairs separated by spaces, e.g. {@code "rep=hybrid
 * ng=2 min=2 max=0.5 d=100 a=0.5 prf=10 beta=0.5"}. Keys (default in brackets):
 *
 * <ul>
 *   <li>{@code rep} tfidf | lsa | hybrid [hybrid];
 *   <li>TF-IDF: {@code an} abs | sk (analyzer preset {@code abstracts()} or {@code sklearnCompatible()} with
 *       scikit-learn's English stop words) [abs]; {@code ng} largest n-gram [1]; {@code span} n-grams span
 *       removed stop words 0|1 [0]; {@code stem} kstem | porter | snowball | none [preset]; {@code min} minDf
 *       count [2]; {@code max} maxDf fraction [0.5]; {@code mf} maxFeatures [none]; {@code tf} sub | raw |
 *       bin [sub]; {@code idf} smooth | plain | bm25 [smooth]; {@code tw} title weight [1];
 *   <li>LSA: {@code d} dimensions [100]; {@code p} singular-value power (embedding {@code U·Σ^p}) [1];
 *       {@code drop} leading components dropped [0]; {@code center} 0|1 [0];
 *   <li>hybrid: {@code a} weight α of the TF-IDF cosine [0.5];
 *   <li>feedback: {@code prf} feedback papers [0]; {@code beta} centroid weight [0.5];
 *   <li>hubness: {@code hub} γ of the CSLS-style penalty [0]; {@code hubk} neighbours [10].
 * </ul>
 *
 * <p>Thread-safety: immutable; safe.
 */
record VariantSpec(String text, Map<String, String> kv) {
  private static final Set<String> KEYS = Set.of("rep", "an", "ng", "span", "stem", "min", "max", "mf",
      "tf", "idf", "tw", "d", "p", "drop", "center", "a", "prf", "beta", "hub", "hubk", "wt", "k1", "b", "dba", "dbab", "dbar", "w", "seed", "snn", "snnl", "prfs", "fuse", "resid", "prfsrc", "cov", "amp", "gate");

  static VariantSpec parse(String text) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (String part : text.trim().split("\\s+")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("variant '" + text + "': '" + part + "' is not key=value");
      }
      String k = part.substring(0, eq);
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("variant '" + text + "': unknown key '" + k + "', known " + KEYS);
      }
      kv.put(k, part.substring(eq + 1));
    }
    return new VariantSpec(text.trim(), kv);
  }

  String get(String k, String dflt) {
    return kv.getOrDefault(k, dflt);
  }

  int i(String k, int dflt) {
    return Integer.parseInt(get(k, Integer.toString(dflt)));
  }

  double f(String k, double dflt) {
    return Double.parseDouble(get(k, Double.toString(dflt)));
  }

  TfIdfOptions tfidf() {
    PaperAnalyzer.Options.Builder a = switch (get("an", "abs")) {
      case "abs" -> PaperAnalyzer.Options.abstracts().toBuilder();
      case "sk" -> PaperAnalyzer.Options.sklearnCompatible()
          .withStopWords(PaperAnalyzer.StopWords.SKLEARN_ENGLISH).toBuilder();
      default -> throw new IllegalArgumentException("an must be abs or sk, got " + get("an", ""));
    };
    int ng = i("ng", 1);
    a.ngrams(1, ng);
    if (kv.containsKey("span")) {
      a.ngramsSpanStopWords(i("span", 0) == 1);
    }
    if (kv.containsKey("stem")) {
      a.stemmer(PaperAnalyzer.Stemmer.valueOf(switch (get("stem", "")) {
        case "kstem" -> "KSTEM";
        case "porter" -> "PORTER";
        case "snowball" -> "SNOWBALL_ENGLISH";
        case "none" -> "NONE";
        default -> throw new IllegalArgumentException("stem: " + get("stem", ""));
      }));
    }
    TfIdfOptions.Builder b = TfIdfOptions.builder().analyzer(a.build())
        .minDf(i("min", 2)).maxDfFraction(f("max", 0.5))
        .titleWeight((float) f("tw", 1))
        .tf(switch (get("tf", "sub")) {
          case "sub" -> TfIdfOptions.Tf.SUBLINEAR;
          case "raw" -> TfIdfOptions.Tf.RAW;
          case "bin" -> TfIdfOptions.Tf.BINARY;
          default -> throw new IllegalArgumentException("tf: " + get("tf", ""));
        })
        .idf(TfIdfOptions.Idf.valueOf(get("idf", "smooth").toUpperCase(Locale.ROOT)));
    if (kv.containsKey("mf")) {
      b.maxFeatures(i("mf", Integer.MAX_VALUE));
    }
    return b.build();
  }

  /**
   * Builds the pipeline of settings joined by {@code ++} (an ensemble: the sum of their parts, each
   * weighted by its {@code w} [1]); feedback and hubness are taken from the first.
   */
  static Pipeline pipeline(List<VariantSpec> specs, SetContext ctx) {
    List<Pipeline.Part> parts = new ArrayList<>();
    for (VariantSpec s : specs) {
      float w = (float) s.f("w", 1);
      for (Pipeline.Part p : s.base(ctx).parts()) {
        parts.add(new Pipeline.Part(p.space(), w * p.weight(), p.expand()));
      }
    }
    return specs.get(0).finish(new Pipeline(List.copyOf(parts), 0, 0f, null), ctx);
  }

  /** Builds the pipeline of this setting on a set. */
  Pipeline pipeline(SetContext ctx) {
    return finish(base(ctx), ctx);
  }

  private Pipeline base(SetContext ctx) {
    TfIdfOptions o = tfidf();
    String rep = get("rep", "hybrid");
    return switch (rep) {
      case "tfidf" -> Pipeline.of(sparse(ctx, o));
      case "lsa" -> Pipeline.of(dense(ctx, o));
      case "hybrid" -> {
        float a = (float) f("a", 0.5);
        Space<?> sp = sparse(ctx, o);
        if (f("resid", 0) > 0) {
          sp = new ResidualSparse(sparse(ctx, o), ctx.capture(sparse(ctx, o), i("d", 100), i("seed", 42)),
              f("resid", 0));
        }
        yield new Pipeline(List.of(new Pipeline.Part(sp, a, i("prfs", 1) == 1),
            new Pipeline.Part(dense(ctx, o), 1 - a)), 0, 0f, null);
      }
      default -> throw new IllegalArgumentException("rep must be tfidf, lsa or hybrid, got " + rep);
    };
  }

  private SparseSpace sparse(SetContext ctx, TfIdfOptions o) {
    String wt = get("wt", "tfidf");
    return wt.equals("tfidf") ? ctx.tfidf(o) : ctx.weighted(o, wt, f("k1", 1.2), f("b", 0.75));
  }

  private Pipeline finish(Pipeline p, SetContext ctx) {
    p = p.withFusion(get("fuse", "sum"));
    if (f("hub", 0) > 0) {
      p = p.withPenalty(p.hubPenalty(i("hubk", 10), (float) f("hub", 0), ctx.parallelism));
    }
    if (f("cov", 0) > 0) {
      SparseSpace s = ctx.tfidf(tfidf());
      p = p.withCoverage(ctx.coverage(s), s, (float) f("cov", 0));
    }
    if (i("gate", 0) > 0) {
      p = p.withGate(i("gate", 0));
    }
    if (i("prf", 0) > 0) {
      p = p.withPrf(i("prf", 0), (float) f("beta", 0.5)).withPrfSource(i("prfsrc", -1));
    }
    return p;
  }

  private DenseSpace dense(SetContext ctx, TfIdfOptions o) {
    int d = i("d", 100);
    SparseSpace s = sparse(ctx, o);
    DenseSpace e = ctx.dense(s, d, i("seed", 42), d, f("p", 1), i("drop", 0), i("center", 0) == 1, f("amp", 0));
    if (i("dba", 0) > 0) {
      e = ctx.dba(e, s.key() + " " + kv, i("dba", 0), (float) f("dbab", 1), i("dbar", 1));
    }
    return e;
  }
}
