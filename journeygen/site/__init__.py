"""Journeys -> a static, offline website of maps (pages, downloads, one action list) and the MkDocs plugin."""
