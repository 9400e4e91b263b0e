"""Rules about time: content that moves, blinks or changes by itself."""
