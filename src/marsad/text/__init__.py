"""Marsad text."""
