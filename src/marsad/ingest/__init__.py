"""Marsad ingest."""
