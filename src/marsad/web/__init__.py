"""Marsad web."""
