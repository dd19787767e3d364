"""Cross-article work: near-duplicates, stories and the entity registry.

The algorithms are pure functions over light records (:class:`records.CorpusDoc`), so
they run without a database:

* :func:`duplicates.find_duplicates` — republished copies, MinHash LSH + exact check;
* :func:`stories.cluster_stories` / :class:`stories.StoryClusterer` — incremental stories;
* :class:`registry.EntityRegistry` — mentions resolved to canonical entities.

:func:`persistence.update_corpus` runs all three over newly stored articles and keeps
the results in the store (SQLite or PostgreSQL); ingest calls it after each batch.
"""
