"""Merging duplicates and managing users under the team server's grants: a quality
manager's login may merge (every moved table is theirs to update), an inspector's may not,
and an administrator's login changes roles, passwords and deactivates (docs/team-server.md)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from inspector_app.domain.enums import CaseStatus, Role
from inspector_app.domain.errors import PermissionDenied
from inspector_app.services import catalog, merchants, merging, users
from inspector_app.services.team import add_team_user, set_team_password
from tests.services.builders import case_at, make_finding, make_purchase
from tests.team.conftest import PASSWORD


@pytest.fixture(scope="module")
def people(team_server, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("people")
    return {role: team_server.context(team_server.login_url(role), tmp) for role in Role}


def test_a_quality_manager_merges_merchants_and_products(people):
    ivy, qm, ada = people[Role.INSPECTOR], people[Role.QUALITY_MANAGER], people[Role.ADMIN]
    keep = merchants.create_merchant(ivy, "MRG-1", "Merge Keep")
    dup = merchants.create_merchant(ivy, "MRG-2", "Merge Dup")
    prod_a = catalog.create_product(ivy, "Merge product")
    prod_b = catalog.create_product(ivy, "Merge prodcut")
    p = make_purchase(ivy, dup.id, inspector_id=ivy.actor.id, product_id=prod_b.id)
    make_finding(ivy, p.id)
    case_at(ada, p.id, CaseStatus.NOTIFIED)
    merchants.set_status(qm, dup.id, "watch", "defects")
    with pytest.raises(PermissionDenied):
        merging.plan_merchant_merge(ivy, keep.id, [dup.id])
    merging.merge_merchants(qm, merging.plan_merchant_merge(qm, keep.id, [dup.id]))
    merging.merge_products(qm, merging.plan_product_merge(qm, prod_a.id, [prod_b.id]))
    with qm.db.read() as s:
        row = s.execute(text("SELECT merchant_id, product_id, updated_by_id FROM purchases"
                             " WHERE id = :p"), {"p": p.id}).one()
        assert tuple(row) == (keep.id, prod_a.id, qm.actor.id)
        assert s.execute(text("SELECT count(*) FROM rectification_cases WHERE merchant_id = :k"),
                         {"k": keep.id}).scalar() == 1
        assert s.execute(text("SELECT merged_into_uid FROM merchants WHERE id = :d"),
                         {"d": dup.id}).scalar() == keep.uid


def test_an_administrator_manages_logins(team_server, people):
    ada = people[Role.ADMIN]
    newbie = add_team_user(ada, "Nora Newbie", Role.INSPECTOR, team_server.name + "_nora",
                           PASSWORD)
    rows = {r.display_name: r for r in users.list_accounts(ada)}
    assert rows["Nora Newbie"].login == team_server.name + "_nora"
    users.set_role(ada, newbie.id, Role.QUALITY_MANAGER)
    set_team_password(ada, newbie.id, "another-pass-9")
    url = team_server.url(team_server.name + "_nora", "another-pass-9")
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as conn:
        groups = {r[0] for r in conn.execute(
            "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid"
            " JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = current_user")}
    assert any(g.endswith("quality_manager") for g in groups)
    users.deactivate(ada, newbie.id)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(plain).close()
    users.set_active(ada, newbie.id, True)
    psycopg.connect(plain).close()
