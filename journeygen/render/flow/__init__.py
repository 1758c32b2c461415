"""The flow view: a Journey -> Graphviz DOT (by stage or by channel) and SVG through `dot`."""
