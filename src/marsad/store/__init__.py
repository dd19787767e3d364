"""Marsad store."""
