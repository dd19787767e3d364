"""Marsad api."""
