"""The journey spec: loading (positions), the model, and the checks."""
