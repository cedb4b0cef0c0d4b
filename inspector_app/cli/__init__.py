"""The `inspector` command line."""
