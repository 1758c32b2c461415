"""Mermaid text in and out: escaping, the journey and swimlane exporters, the importer, Markdown embedding."""
