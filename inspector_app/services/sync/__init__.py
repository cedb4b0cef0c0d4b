"""Laptop replicas of a team server: join, push, pull, photos, conflicts (docs/sync.md)."""
