package org.papermap.corpus;

import java.text.Normalizer;
import java.util.Map;

/**
 * Decodes the LaTeX that BibTeX field values carry for plain characters, so that a title reads as
 * its author wrote it: accent commands become the accented letter ({@code {\"u}}, {@code \'{e}},
 * {@code \c c} → ü, é, ç), special letters their character ({@code \ss}, {@code \o}, {@code \l}),
 * escapes their symbol ({@code \&}, {@code \%}, {@code \_}), a tie {@code ~} a space, and braces that
 * only group or protect case ({@code {BERT}}) vanish. Math ({@code $...$}) and other commands with
 * their arguments ({@code \emph{x}}) are kept as written; the analyzer's LaTeX clean-up reads them.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class LatexText {
  private static final Map<Character, Character> SYMBOL_ACCENTS =
      Map.of(
          '\'', '\u0301', '`', '\u0300', '^', '\u0302', '"', '\u0308', '~', '\u0303', '=', '\u0304',
          '.', '\u0307');
  private static final Map<String, Character> LETTER_ACCENTS =
      Map.of(
          "c", '\u0327', "v", '\u030C', "u", '\u0306', "H", '\u030B', "k", '\u0328', "r", '\u030A',
          "d", '\u0323', "b", '\u0331');
  private static final Map<String, String> SPECIAL_LETTERS =
      Map.ofEntries(
          Map.entry("ss", "ß"), Map.entry("o", "ø"), Map.entry("O", "Ø"), Map.entry("ae", "æ"),
          Map.entry("AE", "Æ"), Map.entry("oe", "œ"), Map.entry("OE", "Œ"), Map.entry("aa", "å"),
          Map.entry("AA", "Å"), Map.entry("l", "ł"), Map.entry("L", "Ł"), Map.entry("i", "ı"),
          Map.entry("j", "ȷ"));
  private static final String ESCAPED = "&%$#_{}";

  private LatexText() {}

  /** The decoded text; see the class javadoc. */
  static String decode(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('{') < 0 && s.indexOf('~') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int keptBraces = 0; // depth of braces kept because they belong to a command we keep
    int[] kept = new int[64];
    int depth = 0;
    boolean math = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '$') {
        math = !math;
        out.append(c);
        i++;
      } else if (math) {
        out.append(c);
        i++;
      } else if (c == '\\' && i + 1 < s.length()) {
        i = command(s, i, out);
        if (i < s.length() && s.charAt(i) == '{' && out.length() > 0 && endsWithCommandName(out)) {
          // The argument of a kept command: keep its braces.
          depth++;
          if (keptBraces < kept.length) {
            kept[keptBraces++] = depth;
          }
          out.append('{');
          i++;
        }
      } else if (c == '{') {
        depth++;
        i++;
      } else if (c == '}') {
        if (keptBraces > 0 && kept[keptBraces - 1] == depth) {
          keptBraces--;
          out.append('}');
        }
        depth--;
        i++;
      } else if (c == '~') {
        out.append(' ');
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return Normalizer.normalize(out, Normalizer.Form.NFC);
  }

  /** Decodes the command at {@code s[at] == '\\'} into {@code out}; returns the index after it. */
  private static int command(String s, int at, StringBuilder out) {
    char next = s.charAt(at + 1);
    if (ESCAPED.indexOf(next) >= 0) {
      out.append(next);
      return at + 2;
    }
    Character mark = SYMBOL_ACCENTS.get(next);
    if (mark != null) {
      return accent(s, at + 2, mark, out, s.substring(at, at + 2));
    }
    if (!Character.isLetter(next)) {
      out.append('\\').append(next); // \\ and other control symbols: kept
      return at + 2;
    }
    int end = at + 1;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    String name = s.substring(at + 1, end);
    Character letterMark = LETTER_ACCENTS.get(name);
    if (letterMark != null) {
      int arg = end;
      while (arg < s.length() && s.charAt(arg) == ' ') {
        arg++;
      }
      return accent(s, arg, letterMark, out, s.substring(at, end));
    }
    String special = SPECIAL_LETTERS.get(name);
    if (special != null) {
      out.append(special);
      // "\ss{}" and "\o " end the command; the space or the empty group is part of it.
      if (end + 1 < s.length() && s.charAt(end) == '{' && s.charAt(end + 1) == '}') {
        return end + 2;
      }
      return end < s.length() && s.charAt(end) == ' ' ? end + 1 : end;
    }
    out.append(s, at, end); // a command we do not decode: kept for the analyzer
    return end;
  }

  /** An accent on the letter at {@code i}, written {@code x}, {@code {x}} or {@code {\i}}. */
  private static int accent(String s, int i, char mark, StringBuilder out, String command) {
    String base = null;
    int after = i;
    if (i < s.length() && s.charAt(i) == '{') {
      int close = s.indexOf('}', i);
      if (close > i) {
        String inner = s.substring(i + 1, close).strip();
        base = inner.equals("\\i") ? "i" : inner.equals("\\j") ? "j" : inner;
        after = close + 1;
      }
    } else if (i < s.length() && Character.isLetter(s.charAt(i))) {
      base = String.valueOf(s.charAt(i));
      after = i + 1;
    } else if (i + 1 < s.length() && s.charAt(i) == '\\' && (s.charAt(i + 1) == 'i' || s.charAt(i + 1) == 'j')) {
      base = String.valueOf(s.charAt(i + 1));
      after = i + 2;
    }
    if (base == null || base.codePointCount(0, base.length()) != 1) {
      out.append(command); // not an accent we understand: kept as written
      return i;
    }
    out.append(base).append(mark);
    return after;
  }

  private static boolean endsWithCommandName(StringBuilder out) {
    int i = out.length() - 1;
    while (i >= 0 && Character.isLetter(out.charAt(i))) {
      i--;
    }
    return i >= 0 && i < out.length() - 1 && out.charAt(i) == '\\';
  }
}
