"""Developer tools (screenshots)."""
