"""Other tools' diagrams -> journeygen spec data: Mermaid journeys and the workshop spreadsheet."""
