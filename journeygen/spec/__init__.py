"""The journey spec: loading with source positions, the model, validation and cross-reference checks,
and the semantic diff of two Journeys."""
