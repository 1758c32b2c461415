"""Maps under version control: semantic diff, git revisions, spreadsheets (CSV) and reports."""
