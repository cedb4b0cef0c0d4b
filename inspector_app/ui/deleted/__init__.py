"""The "Deleted items" screen's parts: the table of the waste basket and its texts."""
