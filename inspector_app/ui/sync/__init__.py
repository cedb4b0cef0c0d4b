"""The Sync action, the sync status in the status bar, and the conflicts dialog (docs/sync.md)."""
