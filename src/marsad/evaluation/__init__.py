"""Gold-set reading and scoring for the extraction stages (quotes, events, times)."""
