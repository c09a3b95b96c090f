"""Static handbook generator for Pengelolaan Kinerja Guru (catalogue + guides -> MkDocs site)."""

__version__ = "0.1.0"
