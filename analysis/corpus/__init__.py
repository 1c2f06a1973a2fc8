"""Corpora kept: added articles on disk, a scored corpus in DuckDB, the filters both apply; imports only the base modules."""
