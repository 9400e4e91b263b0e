"""Rules about skipping the blocks every page repeats, to reach its own content (WCAG 2.4.1)."""
