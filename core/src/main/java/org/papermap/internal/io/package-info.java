/**
 * Internal I/O helpers shared by PaperMap's binary formats ({@link org.papermap.internal.io.Codec}:
 * header, footer, CRC32). Not API: may change without notice.
 */
package org.papermap.internal.io;
