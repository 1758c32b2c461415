"""The command line: click commands, options, progress and exit codes; the only place click is imported."""
