"""briefing: turn raw news articles into a structured, cited, searchable briefing site."""

__version__ = "0.1.0"
