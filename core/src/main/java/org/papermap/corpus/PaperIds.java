package org.papermap.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ids for papers whose record carries none (listing entries, JSON Lines or CSV rows without an id,
 * RIS records), taken from the paper itself so that they are unique across files and survive renaming
 * a file. In order of preference:
 *
 * <ol>
 *   <li>an arXiv id in the URL ({@code arxiv.org/abs/2503.14354v2} → {@code 2503.14354}, the version
 *       dropped, as the arXiv snapshot reader names papers), or an arXiv DOI ({@code
 *       10.48550/arXiv.2503.14354});
 *   <li>a DOI, from a DOI field or a {@code doi.org} URL → {@code doi:10.1145/3292500.3330701} (lower
 *       case: DOIs are case-insensitive);
 *   <li>an OpenReview id ({@code openreview.net/forum?id=PtNyIboDIG}) → {@code openreview:PtNyIboDIG};
 *   <li>otherwise the title: {@code title:} and the first 16 hex digits of the SHA-256 of the
 *       normalized title (NFKC, lower case, every run of characters that are not letters or digits
 *       made one space, trimmed).
 * </ol>
 *
 * <p>The same paper listed twice therefore gets the same id, which the reader reports as a duplicate.
 *
 * <p>Thread-safety: stateless; safe.
 */
final class PaperIds {
  private static final Pattern ARXIV_URL =
      Pattern.compile(
          "(?i)arxiv\\.org/(?:abs|pdf|html)/((?:\\d{4}\\.\\d{4,5})|(?:[a-z][a-z-]*(?:\\.[a-z]{2})?/\\d{7}))(?:v\\d+)?(?:\\.pdf)?(?:[?#/].*)?$");
  private static final Pattern ARXIV_DOI = Pattern.compile("(?i)10\\.48550/arxiv\\.(.+)");
  private static final Pattern DOI_URL = Pattern.compile("(?i)(?:dx\\.)?doi\\.org/(10\\.\\d{4,9}/\\S+)$");
  private static final Pattern DOI = Pattern.compile("(?i)(?:doi:\\s*)?(10\\.\\d{4,9}/\\S+)");
  private static final Pattern OPENREVIEW =
      Pattern.compile("(?i)openreview\\.net/(?:forum|pdf)\\?(?:.*&)?id=([A-Za-z0-9_-]+)");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Hex digits of the title hash: 64 bits keep collisions negligible for millions of titles. */
  static final int TITLE_HASH_HEX = 16;

  private PaperIds() {}

  /**
   * The id of a paper without one.
   *
   * @param url the paper's URL, or null
   * @param doi a DOI field (with or without a {@code doi:} or {@code https://doi.org/} prefix), or null
   * @param title the title as read, not null
   */
  static String derive(String url, String doi, String title) {
    String fromUrl = url == null ? null : arxivFromUrl(url.strip());
    if (fromUrl != null) {
      return fromUrl;
    }
    String d = doi == null ? null : normalizeDoi(doi);
    if (d == null && url != null) {
      d = doiFromUrl(url.strip());
    }
    if (d != null) {
      Matcher arxiv = ARXIV_DOI.matcher(d);
      return arxiv.matches() ? arxiv.group(1) : "doi:" + d;
    }
    if (url != null) {
      Matcher m = OPENREVIEW.matcher(url.strip());
      if (m.find()) {
        return "openreview:" + m.group(1);
      }
    }
    return titleId(title);
  }

  /** {@code title:} and 16 hex digits of the SHA-256 of the normalized title. */
  static String titleId(String title) {
    byte[] digest = sha256(normalizeTitle(title).getBytes(StandardCharsets.UTF_8));
    char[] hex = new char[TITLE_HASH_HEX];
    for (int i = 0; i < TITLE_HASH_HEX; i++) {
      int b = digest[i / 2] & 0xFF;
      hex[i] = HEX[(i % 2 == 0) ? b >>> 4 : b & 0xF];
    }
    return "title:" + new String(hex);
  }

  /** NFKC, lower case, non-alphanumeric runs to one space, trimmed. */
  static String normalizeTitle(String title) {
    String t = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return NOT_ALNUM.matcher(t).replaceAll(" ").strip();
  }

  static String arxivFromUrl(String url) {
    Matcher m = ARXIV_URL.matcher(url);
    return m.find() ? m.group(1) : null;
  }

  private static String doiFromUrl(String url) {
    Matcher m = DOI_URL.matcher(url);
    return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /** The bare DOI in lower case, or null when {@code s} holds none. */
  static String normalizeDoi(String s) {
    String v = s.strip();
    Matcher url = DOI_URL.matcher(v);
    if (url.find()) {
      return url.group(1).toLowerCase(Locale.ROOT);
    }
    Matcher m = DOI.matcher(v);
    return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
  }

  /**
   * The first control character in an id (C0, DEL, C1, or a Unicode line or paragraph separator),
   * described as {@code U+000A at index 3}, or null when there is none. Such ids would break every
   * line-oriented output (the {@code .ids.txt} of {@code vectors}, terminal tables).
   */
  static String controlCharacter(String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return String.format(Locale.ROOT, "U+%04X at index %d", (int) c, i);
      }
    }
    return null;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
