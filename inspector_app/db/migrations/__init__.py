"""Alembic migration scripts (run by inspector_app.db.migrate, never by hand)."""
