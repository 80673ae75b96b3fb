"""briefgen: news articles -> briefing notes -> a cross-linked static site."""

__version__ = "0.1.0"
