"""netrhythm: keep professional networking a weekly habit."""

__version__ = "0.1.0"
