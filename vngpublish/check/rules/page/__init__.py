"""Rules about the page as a whole: its title, meta elements and ids."""
