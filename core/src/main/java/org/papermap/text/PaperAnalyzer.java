package org.papermap.text;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The Lucene analyzer that turns a paper's title and abstract into terms.
 *
 * <p>The chain, each step optional as set in {@link Options}:
 *
 * <ol>
 *   <li>char filters: Unicode NFKC of the whole text ({@link NfkcCharFilter}; the corpus keeps text as
 *       read, so normalization happens here), then LaTeX clean-up and hyphen joining ({@link
 *       TextCleanupCharFilter});
 *   <li>tokenizer: Lucene's {@link StandardTokenizer} (UAX#29 words) or {@link SklearnTokenizer}
 *       (exactly scikit-learn's {@code (?u)\b\w\w+\b}, lowercasing the whole text first);
 *   <li>English possessives ({@code model's} becomes {@code model});
 *   <li>Unicode NFKC per token (with the NFKC char filter; tokens cut from normalized text are nearly
 *       always normalized, this catches the rest);
 *   <li>lowercase (for the standard tokenizer; the sklearn tokenizer lowercases itself);
 *   <li>ASCII folding ({@code café} becomes {@code cafe});
 *   <li>stop words, then minimum length and pure-number removal, each leaving a position gap;
 *   <li>stemming (Porter, KStem or Snowball English);
 *   <li>word n-grams joined by one space ({@link WordNGramFilter}), spanning removed words as
 *       scikit-learn does, or not.
 * </ol>
 *
 * <p>Thread-safety: safe for concurrent use; Lucene keeps one token-stream chain per thread. Each
 * {@link TokenStream} it returns is not thread-safe.
 */
public final class PaperAnalyzer extends Analyzer {
  /**
   * Words that carry no topic in scientific abstracts ("we propose a novel method and show
   * results"). Added to the stop words when {@link Options#boilerplateStopWords()} is set; matched
   * after lowercasing and before stemming, so inflected forms are listed.
   */
  public static final List<String> SCIENTIFIC_BOILERPLATE = StopWordSets.SCIENTIFIC_BOILERPLATE;

  /** Which tokenizer starts the chain. */
  public enum TokenizerType {
    /** Lucene's {@link StandardTokenizer} (Unicode UAX#29 word boundaries). */
    STANDARD,
    /** scikit-learn's default {@code token_pattern}, exactly; see {@link SklearnTokenizer}. */
    SKLEARN
  }

  /** Stop-word lists. */
  public enum StopWords {
    NONE,
    /** Lucene's 33 English stop words ({@code EnglishAnalyzer.ENGLISH_STOP_WORDS_SET}). */
    LUCENE_ENGLISH,
    /** scikit-learn 1.2.1's 318 English stop words ({@code stop_words='english'}). */
    SKLEARN_ENGLISH
  }

  /** Stemmers. */
  public enum Stemmer {
    NONE,
    PORTER,
    /** Krovetz: light, dictionary-based, keeps real words. */
    KSTEM,
    SNOWBALL_ENGLISH
  }

  /** How hyphenated compounds such as "self-supervised" are handled. */
  public enum HyphenMode {
    /** The tokenizer splits at the hyphen: "self", "supervised". */
    SPLIT,
    /** Hyphens between letters or digits are removed before tokenizing: "selfsupervised". */
    JOIN
  }

  private final Options options;
  private final CharArraySet stopSet;

  /** An analyzer built from validated options. */
  public PaperAnalyzer(Options options) {
    this.options = Objects.requireNonNull(options, "options");
    this.stopSet =
        StopWordSets.of(
            options.stopWords() == StopWords.LUCENE_ENGLISH,
            options.stopWords() == StopWords.SKLEARN_ENGLISH,
            options.boilerplateStopWords());
  }

  /** The options this analyzer was built from. */
  public Options options() {
    return options;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    Reader r = options.nfkc() ? new NfkcCharFilter(reader) : reader;
    if (options.latexCleanup() || options.hyphens() == HyphenMode.JOIN) {
      return new TextCleanupCharFilter(r, options.latexCleanup(), options.hyphens() == HyphenMode.JOIN);
    }
    return r;
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Options o = options;
    Tokenizer source =
        o.tokenizer() == TokenizerType.SKLEARN
            ? new SklearnTokenizer(o.lowercase())
            : new StandardTokenizer();
    TokenStream ts = source;
    if (o.englishPossessive()) {
      ts = new EnglishPossessiveFilter(ts);
    }
    if (o.nfkc()) {
      ts = new NfkcFilter(ts);
    }
    if (o.lowercase() && o.tokenizer() == TokenizerType.STANDARD) {
      ts = new LowerCaseFilter(ts);
    }
    if (o.asciiFolding()) {
      ts = new ASCIIFoldingFilter(ts);
    }
    if (!stopSet.isEmpty()) {
      ts = new StopFilter(ts, stopSet);
    }
    if (o.minTokenLength() > 1 || o.dropNumbers()) {
      ts = new TokenShapeFilter(ts, o.minTokenLength(), o.dropNumbers());
    }
    ts =
        switch (o.stemmer()) {
          case NONE -> ts;
          case PORTER -> new PorterStemFilter(ts);
          case KSTEM -> new KStemFilter(ts);
          case SNOWBALL_ENGLISH -> new SnowballFilter(ts, new EnglishStemmer());
        };
    if (o.ngramMax() > 1) {
      ts = new WordNGramFilter(ts, o.ngramMin(), o.ngramMax(), o.ngramsSpanStopWords());
    }
    return new TokenStreamComponents(source, ts);
  }

  /**
   * Analyzer settings. Build with {@link #builder()}, or start from a preset: {@link
   * #sklearnCompatible()} or {@link #abstracts()}.
   *
   * <p>Thread-safety: immutable and safe.
   *
   * @param tokenizer the tokenizer
   * @param lowercase lowercase tokens (with {@link Locale#ROOT} semantics)
   * @param nfkc apply Unicode NFKC to the text before tokenizing, and to each token
   * @param asciiFolding fold accented Latin letters to ASCII
   * @param englishPossessive strip a trailing {@code 's}
   * @param latexCleanup remove LaTeX markup before tokenizing
   * @param hyphens how hyphenated compounds are handled
   * @param stopWords the stop-word list
   * @param boilerplateStopWords also drop {@link #SCIENTIFIC_BOILERPLATE}
   * @param stemmer the stemmer
   * @param minTokenLength minimum token length in code points, in [1, {@value #MAX_TOKEN_LENGTH}]
   * @param dropNumbers drop tokens that are pure numbers
   * @param ngramMin smallest n-gram length, in [1, {@value #MAX_NGRAM}]
   * @param ngramMax largest n-gram length, in [ngramMin, {@value #MAX_NGRAM}]
   * @param ngramsSpanStopWords form n-grams over the remaining tokens, across removed words (as
   *     scikit-learn does), instead of breaking them at each removed word
   */
  public record Options(
      TokenizerType tokenizer,
      boolean lowercase,
      boolean nfkc,
      boolean asciiFolding,
      boolean englishPossessive,
      boolean latexCleanup,
      HyphenMode hyphens,
      StopWords stopWords,
      boolean boilerplateStopWords,
      Stemmer stemmer,
      int minTokenLength,
      boolean dropNumbers,
      int ngramMin,
      int ngramMax,
      boolean ngramsSpanStopWords) {

    /** Largest supported n-gram length. */
    public static final int MAX_NGRAM = 6;

    /** Largest accepted {@code minTokenLength}. */
    public static final int MAX_TOKEN_LENGTH = 64;

    public static final TokenizerType DEFAULT_TOKENIZER = TokenizerType.STANDARD;
    public static final StopWords DEFAULT_STOP_WORDS = StopWords.SKLEARN_ENGLISH;
    public static final Stemmer DEFAULT_STEMMER = Stemmer.KSTEM;
    public static final HyphenMode DEFAULT_HYPHENS = HyphenMode.SPLIT;
    public static final int DEFAULT_MIN_TOKEN_LENGTH = 2;
    public static final int DEFAULT_NGRAM_MIN = 1;
    public static final int DEFAULT_NGRAM_MAX = 1;

    public Options {
      Objects.requireNonNull(tokenizer, "tokenizer");
      Objects.requireNonNull(hyphens, "hyphens");
      Objects.requireNonNull(stopWords, "stopWords");
      Objects.requireNonNull(stemmer, "stemmer");
      if (minTokenLength < 1 || minTokenLength > MAX_TOKEN_LENGTH) {
        throw new IllegalArgumentException(
            "minTokenLength must be in [1, " + MAX_TOKEN_LENGTH + "], got " + minTokenLength);
      }
      if (ngramMin < 1 || ngramMin > MAX_NGRAM) {
        throw new IllegalArgumentException(
            "ngramMin must be in [1, " + MAX_NGRAM + "], got " + ngramMin);
      }
      if (ngramMax < ngramMin || ngramMax > MAX_NGRAM) {
        throw new IllegalArgumentException(
            "ngramMax must be in [ngramMin=" + ngramMin + ", " + MAX_NGRAM + "], got " + ngramMax);
      }
    }

    /**
     * Tokenizes exactly like scikit-learn's {@code TfidfVectorizer} defaults: its token pattern,
     * lowercase, no stop words, no normalization, no stemming, unigrams; n-grams (when set) span
     * removed stop words as scikit-learn's do. Change stop words or n-grams with {@link
     * #withStopWords} and {@link #withNgrams}.
     */
    public static Options sklearnCompatible() {
      return new Options(
          TokenizerType.SKLEARN, true, false, false, false, false, HyphenMode.SPLIT,
          StopWords.NONE, false, Stemmer.NONE, 1, false, 1, 1, true);
    }

    /**
     * Our default for abstracts: standard tokenizer, LaTeX clean-up, NFKC, lowercase, ASCII
     * folding, possessives, scikit-learn's English stop words, tokens of at least 2 code points, no
     * pure numbers, KStem, unigrams. Chosen by related-paper precision@10 on 20,000 arxiv-daily
     * papers (bigrams, the boilerplate list, Porter stemming and hyphen joining did not help); see
     * docs/text-and-tfidf.md.
     */
    public static Options abstracts() {
      return new Options(
          DEFAULT_TOKENIZER, true, true, true, true, true, DEFAULT_HYPHENS, DEFAULT_STOP_WORDS,
          false, DEFAULT_STEMMER, DEFAULT_MIN_TOKEN_LENGTH, true, DEFAULT_NGRAM_MIN,
          DEFAULT_NGRAM_MAX, false);
    }

    /** A builder that starts from {@link #abstracts()}. */
    public static Builder builder() {
      return new Builder(abstracts());
    }

    /** A builder that starts from these options. */
    public Builder toBuilder() {
      return new Builder(this);
    }

    /** A copy with another stop-word list. */
    public Options withStopWords(StopWords words) {
      return toBuilder().stopWords(words).build();
    }

    /** A copy with another n-gram range. */
    public Options withNgrams(int min, int max) {
      return toBuilder().ngrams(min, max).build();
    }

    /** All fields as strings, in declaration order; {@link #fromMap} reads them back. */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("tokenizer", tokenizer.name());
      m.put("lowercase", Boolean.toString(lowercase));
      m.put("nfkc", Boolean.toString(nfkc));
      m.put("asciiFolding", Boolean.toString(asciiFolding));
      m.put("englishPossessive", Boolean.toString(englishPossessive));
      m.put("latexCleanup", Boolean.toString(latexCleanup));
      m.put("hyphens", hyphens.name());
      m.put("stopWords", stopWords.name());
      m.put("boilerplateStopWords", Boolean.toString(boilerplateStopWords));
      m.put("stemmer", stemmer.name());
      m.put("minTokenLength", Integer.toString(minTokenLength));
      m.put("dropNumbers", Boolean.toString(dropNumbers));
      m.put("ngramMin", Integer.toString(ngramMin));
      m.put("ngramMax", Integer.toString(ngramMax));
      m.put("ngramsSpanStopWords", Boolean.toString(ngramsSpanStopWords));
      return m;
    }

    /**
     * Reads options written by {@link #toMap}.
     *
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    public static Options fromMap(Map<String, String> m) {
      Objects.requireNonNull(m, "m");
      return new Options(
          enumValue(m, "tokenizer", TokenizerType.class),
          bool(m, "lowercase"),
          bool(m, "nfkc"),
          bool(m, "asciiFolding"),
          bool(m, "englishPossessive"),
          bool(m, "latexCleanup"),
          enumValue(m, "hyphens", HyphenMode.class),
          enumValue(m, "stopWords", StopWords.class),
          bool(m, "boilerplateStopWords"),
          enumValue(m, "stemmer", Stemmer.class),
          integer(m, "minTokenLength"),
          bool(m, "dropNumbers"),
          integer(m, "ngramMin"),
          integer(m, "ngramMax"),
          bool(m, "ngramsSpanStopWords"));
    }

    private static String value(Map<String, String> m, String key) {
      String v = m.get(key);
      if (v == null) {
        throw new IllegalArgumentException("analyzer option '" + key + "' is missing");
      }
      return v;
    }

    private static boolean bool(Map<String, String> m, String key) {
      String v = value(m, key);
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException(
            "analyzer option '" + key + "' must be true or false, got '" + v + "'");
      }
      return v.equals("true");
    }

    private static int integer(Map<String, String> m, String key) {
      String v = value(m, key);
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "analyzer option '" + key + "' must be an integer, got '" + v + "'", e);
      }
    }

    private static <E extends Enum<E>> E enumValue(Map<String, String> m, String key, Class<E> type) {
      String v = value(m, key);
      try {
        return Enum.valueOf(type, v);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "analyzer option '" + key + "' must be one of "
                + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + v + "'", e);
      }
    }

    /** A mutable builder; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
      private TokenizerType tokenizer;
      private boolean lowercase;
      private boolean nfkc;
      private boolean asciiFolding;
      private boolean englishPossessive;
      private boolean latexCleanup;
      private HyphenMode hyphens;
      private StopWords stopWords;
      private boolean boilerplateStopWords;
      private Stemmer stemmer;
      private int minTokenLength;
      private boolean dropNumbers;
      private int ngramMin;
      private int ngramMax;
      private boolean ngramsSpanStopWords;

      private Builder(Options o) {
        tokenizer = o.tokenizer;
        lowercase = o.lowercase;
        nfkc = o.nfkc;
        asciiFolding = o.asciiFolding;
        englishPossessive = o.englishPossessive;
        latexCleanup = o.latexCleanup;
        hyphens = o.hyphens;
        stopWords = o.stopWords;
        boilerplateStopWords = o.boilerplateStopWords;
        stemmer = o.stemmer;
        minTokenLength = o.minTokenLength;
        dropNumbers = o.dropNumbers;
        ngramMin = o.ngramMin;
        ngramMax = o.ngramMax;
        ngramsSpanStopWords = o.ngramsSpanStopWords;
      }

      public Builder tokenizer(TokenizerType v) {
        tokenizer = v;
        return this;
      }

      public Builder lowercase(boolean v) {
        lowercase = v;
        return this;
      }

      public Builder nfkc(boolean v) {
        nfkc = v;
        return this;
      }

      public Builder asciiFolding(boolean v) {
        asciiFolding = v;
        return this;
      }

      public Builder englishPossessive(boolean v) {
        englishPossessive = v;
        return this;
      }

      public Builder latexCleanup(boolean v) {
        latexCleanup = v;
        return this;
      }

      public Builder hyphens(HyphenMode v) {
        hyphens = v;
        return this;
      }

      public Builder stopWords(StopWords v) {
        stopWords = v;
        return this;
      }

      public Builder boilerplateStopWords(boolean v) {
        boilerplateStopWords = v;
        return this;
      }

      public Builder stemmer(Stemmer v) {
        stemmer = v;
        return this;
      }

      public Builder minTokenLength(int v) {
        minTokenLength = v;
        return this;
      }

      public Builder dropNumbers(boolean v) {
        dropNumbers = v;
        return this;
      }

      /** Sets {@code ngramMin} and {@code ngramMax} together. */
      public Builder ngrams(int min, int max) {
        ngramMin = min;
        ngramMax = max;
        return this;
      }

      public Builder ngramsSpanStopWords(boolean v) {
        ngramsSpanStopWords = v;
        return this;
      }

      /**
       * @throws IllegalArgumentException if a value is out of range (see {@link Options})
       */
      public Options build() {
        return new Options(
            tokenizer, lowercase, nfkc, asciiFolding, englishPossessive, latexCleanup, hyphens,
            stopWords, boilerplateStopWords, stemmer, minTokenLength, dropNumbers, ngramMin,
            ngramMax, ngramsSpanStopWords);
      }
    }
  }
}
