"""Rules for e-mail HTML as mail clients show it (the `email` preset): layout tables, the
language on the content's wrapper, image sizes, text size."""
