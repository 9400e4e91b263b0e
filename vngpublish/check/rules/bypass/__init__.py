"""Rules about skipping the blocks that repeat on every page to the page's own content (WCAG 2.4.1)."""
