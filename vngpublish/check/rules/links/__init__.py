"""Rules about links: that they have a name and say where they go (WCAG 2.4.4, 2.4.9, 4.1.2)."""
