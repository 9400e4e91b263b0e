"""Rules about headings: that they exist, have a name, and form an outline (WCAG 1.3.1, 2.4.6)."""
