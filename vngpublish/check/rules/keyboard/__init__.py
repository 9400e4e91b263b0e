"""Rules about what keyboard users can reach: the tab order and scrollable regions."""
