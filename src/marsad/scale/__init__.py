"""Marsad scale."""
