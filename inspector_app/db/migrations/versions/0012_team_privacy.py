"""team server: merchant managers lose sampling plans, picks and who recorded photos

Revision ID: 0012
Revises: 0013
Create Date: 2026-12-07

No table changes. On a team server (db/team.py) the merchant managers' group no longer
reads `sampling_plans` and `sampling_picks` (they name the purchases about to be made), and
`photos.created_by_id`, `deleted_by_id` and the `updated_by_id` of purchases, findings and
photos join the private columns (the `merchant_view` views show them blank; rectification
photos go in through the view's INSTEAD OF trigger). Grants are not part of a revision:
`db/migrate.upgrade` applies the team's security again after every upgrade of a team
database, so this revision exists to make an existing team database at the previous head
upgrade once and get the new grants (docs/team-server.md). SQLite: nothing to do.
"""

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing in the schema; the team's grants are applied again after it (see above)."""


def downgrade() -> None:
    """Nothing to undo: the grants follow the code that applies them."""
