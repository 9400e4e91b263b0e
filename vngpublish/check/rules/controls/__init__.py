"""Rules about buttons, menu items and other controls: their names and how they nest."""
