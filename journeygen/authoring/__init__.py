"""Authoring: starter maps (init), journey-quality rules (lint), canonical form (fmt), the watch loop and
its preview server, and Markdown embedding; their commands live in journeygen.cli."""
