"""Pure-Python domain: enums, errors, the rectification workflow and metrics (no Qt, no SQL)."""
