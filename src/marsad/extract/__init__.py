"""Marsad extract."""
