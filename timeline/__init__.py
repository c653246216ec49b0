"""Timeline: news articles turned into an evidence-backed, filterable timeline of events."""
