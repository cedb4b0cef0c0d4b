"""The short lists people read come out in the same order on SQLite and PostgreSQL, whatever
collation the server was created with: by Unicode code point (inspector_app/db/ordering.py).

With INSPECTOR_TEST_PG_ICU=zh-CN the PostgreSQL variant runs on a database that sorts text
by that ICU locale (Han before Latin, lower case before upper), where a plain ORDER BY
gives another order than this test expects.
"""

from __future__ import annotations

from inspector_app.domain.enums import Role
from inspector_app.services import catalog, merchants
from inspector_app.services import users as user_service

#: Han, Latin in both cases, an accented letter and digits: orders differ across collations.
NAMES = ["张伟", "bob", "Émile", "Zoe", "alice", "Ivy 2", "Ivy 10", "王芳", "ada"]


def test_users_brands_merchants_and_products_sort_by_code_point(admin):
    for name in NAMES:
        user_service.create_user(admin, name, Role.INSPECTOR)
        merchants.create_merchant(admin, f"shop-{len(name)}-{name}", f"Shop {name}")
        catalog.create_product(admin, f"Item {name}", brand=f"Brand {name}")
    listed = [u.display_name for u in user_service.list_users(admin)]
    assert listed == sorted(listed) and set(NAMES) <= set(listed)
    assert catalog.list_brands(admin) == sorted(f"Brand {n}" for n in NAMES)
    shops = [m.name for m in merchants.search_merchants(admin, "Shop ", limit=50)]
    assert shops == sorted(f"Shop {n}" for n in NAMES)
    items = [p.name for p in catalog.search_products(admin, "Item ", limit=50)]
    assert items == sorted(f"Item {n}" for n in NAMES)
