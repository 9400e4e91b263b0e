"""pytest plugin (entry point `pytest11`): `assert_accessible` for tests of templates.

Placeholder; the plugin is being written.
"""
