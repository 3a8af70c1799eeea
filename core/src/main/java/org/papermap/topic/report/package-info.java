/**
 * The HTML topic report: {@link org.papermap.topic.report.HtmlReport} writes one self-contained page
 * (inline CSS and JavaScript from this package's resources, no network, no library).
 *
 * <h2>Embedded data, container version 1</h2>
 *
 * <p>The page holds one {@code <script type="application/octet-stream" id="pm-data">} whose text is the
 * base64 of a gzip stream; inflated, the container is:
 *
 * <pre>
 * u32 LE     headerLength
 * byte[]     header: UTF-8 JSON (below)
 * byte[0..3] zero padding to a multiple of 4
 * arrays     each typed array's little-endian bytes, each padded to a multiple of 4, at the offsets
 *            the header gives (relative to the first array)
 * </pre>
 *
 * Papers are stored in <em>page order</em>: by the Morton code of their quantized map position (ties
 * by corpus ord), so near papers have near page ords; every per-paper array and string list, and the
 * representatives, use page ords ({@code ids} maps them back to papers).
 *
 * <p>The header: {@code v} (1), {@code order} ("morton"), {@code title}, {@code n} (papers), {@code k} (topics), {@code outliers},
 * {@code bbox} ([minX, maxX, minY, maxY] of the layout), {@code topics} ([{@code id, label, size, kw:
 * [[term, weight]], rep: [ord], labels: [[primary label, papers]]}], at most 3 labels), {@code tree} ([[left, right, distance, size]], SciPy linkage
 * convention), {@code time} ({@code cols, rows} with one row per topic then the outliers, {@code missing};
 * or null), {@code ids}, {@code titles}, optional {@code urls} and {@code abstracts} (one string per
 * paper), and {@code arrays}: name → {@code {t: "u8"|"u16"|"i32", o: offset, n: length}} for
 *
 * <ul>
 *   <li>{@code x}, {@code y} (u16): coordinates quantized over {@code bbox}, 0..65535;
 *   <li>{@code topic} (i32): the topic, -1 for an outlier; {@code conf} (u8): confidence × 255;
 *   <li>{@code year} (u16): the year, 0 when unknown;
 *   <li>{@code rel} (u32, n × r): related papers of page ord {@code i} as the zigzag code of {@code
 *       neighbour − i} ({@code (d << 1) ^ (d >> 31)}; 0 = none), and {@code relSim} (u8, similarity ×
 *       255).
 * </ul>
 *
 * The gzip stream (best compression) is deterministic (Java writes a zero modification time), so the same input gives the
 * same file.
 */
package org.papermap.topic.report;
