"""Journeys -> what needs attention (the report model) and its Markdown, JSON and CSV forms."""
