"""Marsad models."""
