"""A Journey -> Mermaid text: escaping, the native journey diagram, the swimlane, and what each leaves out."""
