"""Domain services: the rules. They never import tornado."""
