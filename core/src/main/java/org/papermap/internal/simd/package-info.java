/**
 * Not API: distance kernels for the clustering hot loops, with a Panama (jdk.incubator.vector)
 * implementation loaded only when that module is present and a scalar fallback otherwise. They may change
 * in any release; the javadoc jar leaves them out.
 */
package org.papermap.internal.simd;
