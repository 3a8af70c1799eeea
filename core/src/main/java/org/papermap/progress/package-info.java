/**
 * Progress of long operations: {@link org.papermap.progress.ProgressListener}, the one listener every
 * stage reports to (steps with a count of units done, and notes). It depends on nothing, so every
 * stage can take it. Long operations take a listener as their last argument; the overload without one
 * uses {@link org.papermap.progress.ProgressListener#NONE}, and results never depend on the listener.
 */
package org.papermap.progress;
