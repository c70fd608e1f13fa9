"""reportgen: static research reports on news corpora."""

__version__ = "0.1.0"
