"""Rules about the language of the page and of its parts (WCAG 3.1.1 and 3.1.2)."""
