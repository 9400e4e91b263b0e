"""Rules about images and their text alternatives (WCAG 1.1.1)."""
