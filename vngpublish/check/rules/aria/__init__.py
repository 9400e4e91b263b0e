"""Rules about WAI-ARIA roles, states and properties, and the tree they build (1.3.1, 4.1.2)."""
