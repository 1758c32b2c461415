"""The workshop spreadsheet (CSV): cells and their line grammar, the sheet of a Journey, reading CSV text."""
