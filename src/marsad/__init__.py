"""Marsad (مرصد): reads Arabic news and turns it into knowledge an analyst can trust."""

__version__ = "0.1.0"
