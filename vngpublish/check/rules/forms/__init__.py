"""Rules about form fields: their labels and their error messages."""
