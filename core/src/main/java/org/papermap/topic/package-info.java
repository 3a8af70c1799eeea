/**
 * Topics: labelled groups of papers built from a clustering (class-based TF-IDF keywords, phrase labels,
 * representative papers), their hierarchy, evaluation and reports.
 */
package org.papermap.topic;
