"""The Findings screen's parts: columns, filter bar, merchant type-ahead, open-case dialog."""
