"""Rule modules, one rule each, grouped by topic. Importing a module registers its rule."""
