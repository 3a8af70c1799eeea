/**
 * Not API: helpers shared by the stages (the parallel runner, a top-k heap, tombstones, option maps,
 * argument checks, progress steps). They may change in any release; the javadoc jar leaves them out.
 * Depends on no stage.
 */
package org.papermap.internal;
