"""Marsad training."""
