"""Rules about landmarks: that the page has them, one main, and that they can be told apart."""
