"""Rules about text: spacing users must be able to change (WCAG 1.4.12), text that must be
able to grow (1.4.4), and orientation (1.3.4)."""
