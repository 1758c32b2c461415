"""The print-ready PDF: a Journey -> HTML pages (map, personas, micro-journeys, actions) for WeasyPrint."""
