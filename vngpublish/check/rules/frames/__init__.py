"""Rules about iframes: their names and what keyboard users can reach inside them."""
