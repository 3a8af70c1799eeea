package org.papermap.text;

import java.io.IOException;
import java.io.Reader;
import java.text.Normalizer;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * A char filter that removes LaTeX markup and, optionally, joins hyphenated compounds before
 * tokenizing. Offsets are corrected so that token offsets still point into the original text.
 *
 * <p>LaTeX rules (the text is not parsed as TeX; these are robust rewrites for abstracts):
 *
 * <ul>
 *   <li>Math ({@code $...$}, {@code $$...$$}, {@code \(...\)}, {@code \[...\]}) is reduced to its
 *       words: delimiters vanish ({@code $k$-means} becomes {@code k-means}), {@code ^ _ { } ~}
 *       become spaces and {@code \name} becomes {@code name} ({@code $\ell_2$} becomes {@code ell
 *       2}).
 *   <li>{@code \cite}, {@code \ref}, {@code \label}, {@code &#92;url} and similar commands are dropped
 *       with their argument; {@code &#92;href{url}{text}} keeps {@code text}.
 *   <li>Other commands with an argument keep the argument ({@code \textbf{deep}} becomes {@code
 *       deep}); font switches vanish ({@code {\em x}} becomes {@code x}); other bare commands keep
 *       their name ({@code \LaTeX} becomes {@code LaTeX}).
 *   <li>Accents are composed: {@code \'e}, {@code \'{e}}, {@code \"{\i}}, {@code \c{c}} become
 *       é, é, ï, ç. {@code \%}, {@code \&}, {@code \_}, {@code \#}, {@code \$} become the character.
 *   <li>Outside math, braces vanish and {@code ~} becomes a space.
 * </ul>
 *
 * <p>Hyphen joining removes {@code -}, U+2010 and U+2011 between a letter or digit and a following
 * letter or digit, so "self-supervised" becomes "selfsupervised" for every tokenizer.
 *
 * <p>Thread-safety: not thread-safe; one instance per token stream.
 */
final class TextCleanupCharFilter extends BaseCharFilter {
  private static final Set<String> DROP_WITH_ARGUMENT =
      Set.of(
          "cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "nocite", "ref",
          "eqref", "autoref", "cref", "Cref", "pageref", "label", "url", "footnote", "thanks",
          "includegraphics", "bibitem");
  private static final Set<String> FONT_SWITCHES =
      Set.of(
          "em", "bf", "it", "sc", "tt", "rm", "sf", "sl", "bfseries", "itshape",
          "scshape", "ttfamily", "rmfamily", "sffamily", "mdseries", "upshape", "normalfont",
          "tiny", "scriptsize", "footnotesize", "small", "normalsize", "large", "Large", "LARGE",
          "huge", "Huge", "centering", "noindent", "newline", "par", "quad", "qquad", "left",
          "right", "displaystyle", "textstyle", "limits", "nolimits");
  private static final Map<Character, Character> SYMBOL_ACCENTS =
      Map.of(
          '\'', '\u0301', '`', '\u0300', '^', '\u0302', '"', '\u0308', '~', '\u0303', '=',
          '\u0304', '.', '\u0307');
  private static final Map<String, Character> LETTER_ACCENTS =
      Map.of(
          "c", '\u0327', "v", '\u030C', "u", '\u0306', "H", '\u030B', "k", '\u0328', "r",
          '\u030A', "d", '\u0323', "b", '\u0331');
  private static final Map<String, String> SPECIAL_LETTERS =
      Map.of(
          "i", "i", "j", "j", "ss", "ß", "o", "ø", "O", "Ø", "ae", "æ", "AE", "Æ", "l", "ł", "L", "Ł",
          "aa", "å");

  private final boolean latex;
  private final boolean joinHyphens;
  private String cleaned;
  private int readPos;

  TextCleanupCharFilter(Reader in, boolean latex, boolean joinHyphens) {
    super(in);
    this.latex = latex;
    this.joinHyphens = joinHyphens;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (cleaned == null) {
      StringBuilder sb = new StringBuilder(1024);
      char[] buf = new char[4096];
      int n;
      while ((n = input.read(buf)) != -1) {
        sb.append(buf, 0, n);
      }
      Cleaner c = new Cleaner(sb, latex, joinHyphens, this);
      cleaned = c.run();
    }
    if (readPos >= cleaned.length()) {
      return -1;
    }
    int n = Math.min(len, cleaned.length() - readPos);
    cleaned.getChars(readPos, readPos + n, cbuf, off);
    readPos += n;
    return n;
  }

  /** Cleans a string without offset tracking (for tests and documentation). */
  static String clean(CharSequence text, boolean latex, boolean joinHyphens) {
    return new Cleaner(text, latex, joinHyphens, null).run();
  }

  /** One pass over the text; output never grows longer than the input consumed so far. */
  private static final class Cleaner {
    private final CharSequence in;
    private final boolean latex;
    private final boolean joinHyphens;
    private final TextCleanupCharFilter offsets;
    private final StringBuilder out;
    private int diff;
    private int i;
    private char mathEnd; // 0 outside math; '$', 'D' ($$), ')' or ']' inside

    Cleaner(CharSequence in, boolean latex, boolean joinHyphens, TextCleanupCharFilter offsets) {
      this.in = in;
      this.latex = latex;
      this.joinHyphens = joinHyphens;
      this.offsets = offsets;
      this.out = new StringBuilder(in.length());
    }

    /** Appends output that stands for input starting at {@code inPos}. */
    private void emit(CharSequence s, int inPos) {
      int newDiff = inPos - out.length();
      if (newDiff != diff && offsets != null) {
        offsets.addOffCorrectMap(out.length(), newDiff);
      }
      diff = newDiff;
      out.append(s);
    }

    private void emit(char c, int inPos) {
      int newDiff = inPos - out.length();
      if (newDiff != diff && offsets != null) {
        // Before a non-word char, the position is only ever a token's end offset: keep it next to
        // the previous output so "\\textbf{x} y" ends token x before the dropped brace.
        offsets.addOffCorrectMap(out.length() + (Character.isLetterOrDigit(c) ? 0 : 1), newDiff);
      }
      diff = newDiff;
      out.append(c);
    }

    private boolean prevIsWord() {
      return out.length() > 0 && Character.isLetterOrDigit(out.charAt(out.length() - 1));
    }

    String run() {
      final int n = in.length();
      while (i < n) {
        char c = in.charAt(i);
        if (joinHyphens && (c == '-' || c == '\u2010' || c == '\u2011')) {
          if (prevIsWord() && i + 1 < n && Character.isLetterOrDigit(in.charAt(i + 1))) {
            i++;
            continue;
          }
          emit(c, i++);
          continue;
        }
        if (!latex) {
          emit(c, i++);
          continue;
        }
        switch (c) {
          case '\\' -> command();
          case '$' -> dollar();
          case '{', '}' -> {
            if (mathEnd != 0) {
              emit(' ', i);
            }
            i++;
          }
          case '^', '_' -> emit(mathEnd != 0 ? ' ' : c, i++);
          case '~' -> emit(' ', i++);
          default -> emit(c, i++);
        }
      }
      return out.toString();
    }

    private void dollar() {
      boolean dd = i + 1 < in.length() && in.charAt(i + 1) == '$';
      char delim = dd ? 'D' : '$';
      if (mathEnd == 0) {
        mathEnd = delim;
      } else if (mathEnd == delim) {
        mathEnd = 0;
      }
      i += dd ? 2 : 1;
    }

    private void command() {
      final int start = i;
      final int n = in.length();
      if (i + 1 >= n) {
        i++;
        return;
      }
      char next = in.charAt(i + 1);
      if ("%&_#${}".indexOf(next) >= 0) {
        emit(next, start);
        i += 2;
        return;
      }
      if (next == '(' || next == '[') {
        mathEnd = next == '(' ? ')' : ']';
        emit(' ', start);
        i += 2;
        return;
      }
      if ((next == ')' || next == ']') && mathEnd == next) {
        mathEnd = 0;
        emit(' ', start);
        i += 2;
        return;
      }
      Character symbolMark = SYMBOL_ACCENTS.get(next);
      if (symbolMark != null) {
        i += 2;
        accent(symbolMark, start);
        return;
      }
      if (!isAsciiLetter(next)) {
        emit(' ', start); // \\, \, \; \! and friends are spacing
        i += 2;
        return;
      }
      int nameEnd = i + 1;
      while (nameEnd < n && isAsciiLetter(in.charAt(nameEnd))) {
        nameEnd++;
      }
      String name = in.subSequence(i + 1, nameEnd).toString();
      i = nameEnd;
      Character letterMark = LETTER_ACCENTS.get(name);
      if (letterMark != null && i < n && in.charAt(i) == '{') {
        accent(letterMark, start);
        return;
      }
      if (DROP_WITH_ARGUMENT.contains(name)) {
        skipOptionalArguments();
        skipBracedArgument();
        return;
      }
      if (name.equals("href")) {
        skipBracedArgument();
        return;
      }
      if (FONT_SWITCHES.contains(name)) {
        if (i < n && in.charAt(i) == ' ') {
          i++; // TeX swallows the space after a command word
        }
        return;
      }
      String special = SPECIAL_LETTERS.get(name);
      if (special != null) {
        emit(special, start);
        return;
      }
      if (i < n && in.charAt(i) == '{') {
        return; // \textbf{x}: the braces vanish, the argument stays
      }
      if (prevIsWord()) {
        emit(' ', start);
        emit(name, start + 1);
      } else {
        emit(name, start);
      }
    }

    /** After an accent command at {@code start}: reads {@code x}, {@code {x}} or {@code {\i}}. */
    private void accent(char mark, int start) {
      final int n = in.length();
      boolean braced = i < n && in.charAt(i) == '{';
      int j = braced ? i + 1 : i;
      while (braced && j < n && in.charAt(j) == ' ') {
        j++;
      }
      String base = null;
      if (j + 1 < n && in.charAt(j) == '\\' && (in.charAt(j + 1) == 'i' || in.charAt(j + 1) == 'j')) {
        base = String.valueOf(in.charAt(j + 1));
        j += 2;
      } else if (j < n && Character.isLetter(in.charAt(j))) {
        base = String.valueOf(in.charAt(j));
        j++;
      }
      if (base == null) {
        return; // a lone accent command: drop it
      }
      if (braced && j < n && in.charAt(j) == '}') {
        j++;
      }
      i = j;
      emit(Normalizer.normalize(base + mark, Normalizer.Form.NFC), start);
    }

    private void skipOptionalArguments() {
      final int n = in.length();
      while (i < n && in.charAt(i) == '[') {
        int close = in.toString().indexOf(']', i);
        i = close < 0 ? n : close + 1;
      }
    }

    private void skipBracedArgument() {
      final int n = in.length();
      int j = i;
      while (j < n && in.charAt(j) == ' ') {
        j++;
      }
      if (j >= n || in.charAt(j) != '{') {
        return;
      }
      int depth = 0;
      for (; j < n; j++) {
        char c = in.charAt(j);
        if (c == '\\') {
          j++;
        } else if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          i = j + 1;
          return;
        }
      }
      i = n; // unbalanced: the rest was the argument
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
  }
}
