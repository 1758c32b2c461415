"""The authoring loop: init, lint, fmt and watch, each a subcommand in its own module."""
