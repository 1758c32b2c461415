"""Lowest stage."""
