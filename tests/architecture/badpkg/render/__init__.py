"""Higher stage."""
