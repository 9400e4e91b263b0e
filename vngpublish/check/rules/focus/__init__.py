"""Rules about focus: keyboard users can see where they are (WCAG 2.4.7)."""
