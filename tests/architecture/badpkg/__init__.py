"""A package that breaks every rule the architecture test guards, to show that the guard fails."""
