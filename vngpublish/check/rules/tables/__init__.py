"""Rules about tables: header cells, the cells they head, and tables used for layout."""
