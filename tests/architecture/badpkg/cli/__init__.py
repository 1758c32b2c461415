"""Top stage: click belongs here."""
