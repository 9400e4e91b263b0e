"""Rules about colour: contrast of text, and information told by colour alone (WCAG 1.4)."""
