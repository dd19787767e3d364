"""Marsad corpus."""
