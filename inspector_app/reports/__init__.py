"""PDF and Excel writers and readers (Qt-free; long work yields progress)."""
