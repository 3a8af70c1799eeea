package org.papermap.index;

import java.util.BitSet;
import java.util.Objects;

/**
 * Decides which indexed ords a search may return. Deleted ords are never returned whatever the filter
 * says.
 *
 * <p>Thread-safety: implementations must be safe for the concurrent searches they are passed to;
 * {@link #ALL} and {@link #of(BitSet)} are, as long as the bit set is not modified during the search.
 */
@FunctionalInterface
public interface OrdFilter {
  /** Accepts every ord. */
  OrdFilter ALL = ord -> true;

  /** Whether {@code ord} may be returned. */
  boolean accept(int ord);

  /** Accepts exactly the set bits of {@code ords} (the set is read, not copied). */
  static OrdFilter of(BitSet ords) {
    Objects.requireNonNull(ords, "ords");
    return ords::get;
  }
}
