"""The records import's bulk writer: each sheet checked and written a chunk of rows at a time.

The rules are the forms' rules (services/purchases.py, findings.py, merchants.py,
catalog.py; the same cleaning functions and messages), applied in Python to a chunk of
rows against lookups loaded once per chunk (one query per kind of key, not one per row),
and the chunk written with one executemany per table (docs/performance.md: Core inserts
are 6x faster than the ORM). Everything runs in the caller's one transaction.
"""

from __future__ import annotations

import uuid
from array import array
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, insert, select

from inspector_app.db.models import Brand, Merchant, Product, Purchase, User
from inspector_app.domain.enums import Role, Verdict
from inspector_app.domain.errors import InspectorError
from inspector_app.domain.limits import FIRST_YEAR, LAST_YEAR
from inspector_app.domain.messages import t
from inspector_app.domain.money import to_cents
from inspector_app.domain.purchase_status import status_from_dates
from inspector_app.reports.xlsx_read import as_datetime, as_decimal, as_text
from inspector_app.services.common import aware, clean_line, clean_text, now
from inspector_app.services.context import RECORDERS
from inspector_app.services.records_findings import FindingRows, field, quiet

if TYPE_CHECKING:
    from inspector_app.reports.xlsx_read import SheetRow

#: Rows checked and written together: big enough that per-chunk queries cost nothing per
#: row, small enough that a chunk's rows stay a few MB (and under SQLite's 32,766 variables).
CHUNK = 2_000
#: Keys of merchants and products remembered across chunks, at most (then read again).
MAX_CACHED = 100_000
YES = ("yes", "y", "true", "1")
YES_NO = ("", "yes", "no", "y", "n", "true", "false", "1", "0")


def in_range(value: Any, *, required: bool = False) -> datetime | None:
    """as_datetime, refusing dates outside FIRST_YEAR-LAST_YEAR (a typo, not a purchase)."""
    when = as_datetime(value, required=required)
    if when is not None and not FIRST_YEAR <= when.year <= LAST_YEAR:
        raise ValueError(t(
            "'{value}' is outside the years {first}-{last}",
            value=when.date().isoformat(), first=FIRST_YEAR, last=LAST_YEAR,
        ))
    return when


def local(value: datetime | None) -> datetime | None:
    """A spreadsheet's naive date-time, read as local time."""
    return value.astimezone() if value is not None else None


def chunks(rows: Iterable, size: int = CHUNK) -> Iterator[list]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


class SheetWriter(FindingRows):
    """Checks and writes the four sheets' rows, a chunk at a time (`*_chunk`): each row is
    reported once, to `refuse(row, reason)` or `done(row, created)`."""

    def __init__(self, conn: Connection, actor_id: int | None, actor_role: Role | None) -> None:
        self.conn = conn
        self.actor_id = actor_id
        self.actor_role = actor_role
        #: shop id -> (merchant id, live) or None; filled as purchases ask.
        self.merchants: dict[str, tuple[int, bool] | None] = {}
        #: listing id -> (product id, live) or None; product name -> first live id or None.
        self.by_listing: dict[str, tuple[int, bool] | None] = {}
        self.by_name: dict[str, int | None] = {}
        self.brands: dict[str, int] = {}
        self.users: dict[str, tuple[int, bool, str]] = {}
        for uid, name, active, role in conn.execute(
            select(User.id, User.display_name, User.active, User.role).order_by(User.id.desc())
        ):
            self.users[name] = (uid, active, str(getattr(role, "value", role)))
        #: Failed verdicts of new purchases: checked for findings at the end.
        self.fail_rows, self.fail_ids = array("q"), array("q")
        #: Verdicts for purchases already there (rare): (row, order number, verdict).
        self.later_verdicts: list[tuple[int, str, Verdict]] = []

    # -- shared ------------------------------------------------------------------------------

    def _stamps(self) -> dict[str, Any]:
        stamp = now()
        return {"created_at": stamp, "updated_at": stamp, "created_by_id": self.actor_id,
                "updated_by_id": self.actor_id, "version": 1}

    def _insert(self, table, rows: list[dict]) -> None:
        if not rows:
            return
        stamps = self._stamps()
        for r in rows:
            r.update(stamps, uid=str(uuid.uuid4()))
        if self.conn.dialect.name != "sqlite":
            self.conn.execute(insert(table), rows)
            return
        # SQLite: the same INSERT and the same type conversions (each column's own bind
        # processor, scalar defaults for the columns not given), handed to the driver's
        # executemany in one call: SQLAlchemy's per-row parameter handling costs more than
        # the insert itself at a million rows (docs/performance.md).
        keys = list(rows[0])
        defaults = {
            c.key: c.default.arg for c in table.c
            if c.key not in rows[0] and c.default is not None and c.default.is_scalar
        }
        compiled = insert(table).compile(
            dialect=self.conn.dialect, column_keys=keys + list(defaults)
        )
        order = list(compiled.positiontup or ())
        convert = [table.c[k].type._cached_bind_processor(self.conn.dialect) for k in order]
        # A value converted once per insert: the time stamps are one per chunk, and dates,
        # shops and statuses repeat.
        memo: list[dict] = [{} for _ in order]

        def value(i: int, v: Any) -> Any:
            f = convert[i]
            if f is None or v is None:
                return v
            try:
                return memo[i][v]
            except KeyError:
                done = memo[i][v] = f(v)
                return done
            except TypeError:  # not hashable
                return f(v)

        params = [
            tuple(value(i, r[k] if k in r else defaults[k]) for i, k in enumerate(order))
            for r in rows
        ]
        self.conn.exec_driver_sql(compiled.string, params)

    # -- merchants ---------------------------------------------------------------------------

    def merchants_chunk(self, rows: list[SheetRow], refuse: Callable, done: Callable) -> None:
        keys = {k for r in rows if (k := quiet(field, r, "Shop id", as_text, max_len=64))}
        known = {s for (s,) in self._lookup(
            lambda ks: select(Merchant.shop_id).where(Merchant.shop_id.in_(ks)), keys)}
        new: list[dict] = []
        for row in rows:
            try:
                shop = field(row, "Shop id", as_text, required=True, max_len=64)
                if shop in known:
                    done(row, False)
                    continue
                flag = field(row, "Key merchant", as_text).casefold()
                if flag not in YES_NO:
                    raise ValueError(t("Key merchant: '{value}' is not yes or no", value=flag))
                values = {
                    "shop_id": clean_line(shop, "shop_id", required=True, limit=64),
                    "name": clean_line(field(row, "Name", as_text, required=True), "name",
                                       required=True, limit=200),
                    "category": clean_line(field(row, "Category", as_text), "category", limit=100),
                    "contact": clean_line(field(row, "Contact", as_text), "contact", limit=200),
                    "key_merchant": flag in YES,
                }
            except (ValueError, InspectorError) as exc:
                refuse(row, str(exc))
                continue
            known.add(shop)
            new.append(values)
            done(row, True)
        self._insert(Merchant.__table__, new)

    # -- products ----------------------------------------------------------------------------

    def _load_products(self, listings: set[str], names: set[str]) -> None:
        listings -= self.by_listing.keys()
        names -= self.by_name.keys()
        self.by_listing.update(dict.fromkeys(listings))
        self.by_name.update(dict.fromkeys(names))
        for pid, listing, deleted in self._lookup(
            lambda ks: select(Product.id, Product.listing_id, Product.deleted_at)
            .where(Product.listing_id.in_(ks)), listings,
        ):
            self.by_listing[listing] = (pid, deleted is None)
        for pid, name in self._lookup(
            lambda ks: select(func.min(Product.id), Product.name)
            .where(Product.name.in_(ks), Product.deleted_at.is_(None)).group_by(Product.name),
            names,
        ):
            self.by_name[name] = pid

    def _brand_ids(self, names: set[str]) -> None:
        missing = names - self.brands.keys()
        if not missing:
            return
        for _ in range(2):  # find; create what is missing; find again
            for bid, name in self._lookup(
                lambda ks: select(Brand.id, Brand.name).where(Brand.name.in_(ks)), missing
            ):
                self.brands[name] = bid
            missing -= self.brands.keys()
            self._insert(Brand.__table__, [{"name": n} for n in sorted(missing)])

    def products_chunk(self, rows: list[SheetRow], refuse: Callable, done: Callable) -> None:
        listings = {k for r in rows if (k := quiet(field, r, "Listing id", as_text, max_len=64))}
        names = {k for r in rows if (k := quiet(field, r, "Name", as_text))}
        self._load_products(listings, set())
        # As the form finds one: by listing id; else by name and brand (any brand when none).
        listed = {k for k in listings if self.by_listing.get(k) is not None}
        named: set[tuple[str, str | None]] = set()
        for name, brand in self._lookup(
            lambda ks: select(Product.name, Brand.name).outerjoin(Brand, Brand.id == Product.brand_id)
            .where(Product.name.in_(ks), Product.deleted_at.is_(None)), names,
        ):
            named.update({(name, brand or ""), (name, None)})
        new: list[tuple[dict, str]] = []
        for row in rows:
            try:
                listing = field(row, "Listing id", as_text, max_len=64)
                name = field(row, "Name", as_text, required=True)
                brand = field(row, "Brand", as_text)
                if listing in listed if listing else (name, brand or None) in named:
                    done(row, False)
                    continue
                price = field(row, "List price", as_decimal)
                values = {
                    "name": clean_line(name, "name", required=True),
                    "listing_id": clean_line(listing, "listing_id", limit=64) or None,
                    "list_price_cents": to_cents(str(price) if price is not None else None,
                                                 "list_price"),
                    "category": clean_line(field(row, "Category", as_text), "category", limit=100),
                }
                brand_name = clean_line(brand, "brand", limit=200)
            except (ValueError, InspectorError) as exc:
                refuse(row, str(exc))
                continue
            if listing:
                listed.add(listing)
            named.update({(name, brand), (name, None)})
            new.append((values, brand_name))
            done(row, True)
        self._brand_ids({b for _, b in new if b})
        for values, brand_name in new:
            values["brand_id"] = self.brands.get(brand_name) if brand_name else None
        self._insert(Product.__table__, [v for v, _ in new])
        # Purchases ask for what they refer to; this sheet's keys need not stay in memory.
        self.by_listing.clear()
        self.by_name.clear()

    # -- purchases ---------------------------------------------------------------------------

    def _load_merchants(self, shops: set[str]) -> None:
        shops -= self.merchants.keys()
        self.merchants.update(dict.fromkeys(shops))
        for mid, shop, deleted in self._lookup(
            lambda ks: select(Merchant.id, Merchant.shop_id, Merchant.deleted_at)
            .where(Merchant.shop_id.in_(ks)), shops,
        ):
            self.merchants[shop] = (mid, deleted is None)

    def _new_products_by_name(self, names: set[str]) -> None:
        """Products a purchase names that do not exist yet: created (as the form does)."""
        missing = sorted(n for n in names if self.by_name.get(n) is None)
        if not missing:
            return
        rows = []
        for name in missing:
            try:
                rows.append({"name": clean_line(name, "name", required=True), "category": ""})
            except InspectorError:
                continue  # the purchase row says why
        self._insert(Product.__table__, rows)
        for n in missing:
            self.by_name.pop(n, None)
        self._load_products(set(), set(missing))

    def purchases_chunk(self, rows: list[SheetRow], refuse: Callable, done: Callable) -> None:
        if len(self.merchants) + len(self.by_listing) + len(self.by_name) > MAX_CACHED:
            self.merchants.clear()  # a file naming very many: memory stays bounded
            self.by_listing.clear()
            self.by_name.clear()
        orders = {k for r in rows if (k := quiet(self._order, r))}
        existing = dict(self._lookup(
            lambda ks: select(Purchase.order_number, Purchase.verdict)
            .where(Purchase.order_number.in_(ks)), orders,
        ))
        self._load_merchants({k for r in rows if (k := quiet(field, r, "Shop id", as_text))})
        listings = {k for r in rows if (k := quiet(field, r, "Product listing id", as_text))}
        names = {k for r in rows
                 if quiet(self._order, r) not in existing
                 and not quiet(field, r, "Product listing id", as_text)
                 and (k := quiet(field, r, "Product name", as_text))}
        self._load_products(listings, names)
        self._new_products_by_name(names)
        new: list[dict] = []
        fails: list[tuple[int, str]] = []
        stamp = now()
        for row in rows:
            try:
                values = self._purchase(row, existing, stamp)
            except (ValueError, InspectorError) as exc:
                refuse(row, str(exc))
                continue
            if values is None:
                done(row, False)
                continue
            existing[values["order_number"]] = values["verdict"]
            if values["verdict"] == Verdict.FAIL:
                fails.append((row.number, values["order_number"]))
            new.append(values)
            done(row, True)
        self._insert(Purchase.__table__, new)
        ids = dict(self._lookup(
            lambda ks: select(Purchase.order_number, Purchase.id)
            .where(Purchase.order_number.in_(ks)), [o for _, o in fails],
        ))
        for number, order in fails:
            self.fail_rows.append(number)
            self.fail_ids.append(ids[order])

    @staticmethod
    def _order(row: SheetRow) -> str:
        return clean_line(field(row, "Order number", as_text, required=True, max_len=64),
                          "order_number", limit=64)

    def _purchase(self, row: SheetRow, existing: dict, stamp: datetime) -> dict | None:
        """A new purchase's values; None when its order number is already recorded."""
        order = self._order(row)
        text = field(row, "Verdict", as_text).casefold()
        try:
            verdict = Verdict(text) if text else None
        except ValueError:
            raise ValueError(t("Verdict: '{value}' is not pass or fail", value=text)) from None
        if order in existing:
            if verdict is not None and existing[order] is None:
                self.later_verdicts.append((row.number, order, verdict))
            return None
        shop = field(row, "Shop id", as_text, required=True)
        merchant = self.merchants.get(shop)
        if merchant is None or not merchant[1]:
            raise ValueError(t("no merchant with shop id '{shop_id}'", shop_id=shop))
        listing = field(row, "Product listing id", as_text)
        pname = field(row, "Product name", as_text)
        product_id = None
        if listing:
            found = self.by_listing.get(listing)
            if found is None:
                raise ValueError(t("no product with listing id '{listing_id}'", listing_id=listing))
            if not found[1]:
                raise ValueError(t("Choose an existing product"))
            product_id = found[0]
        elif pname:
            product_id = self.by_name.get(pname)
        inspector_id = self.actor_id if self.actor_role == Role.INSPECTOR else None
        if name := field(row, "Inspector", as_text):
            user = self.users.get(name)
            if user is None:
                raise ValueError(t("Inspector: no user called '{name}'", name=name))
            if not user[1]:
                raise ValueError(t("Choose an active user as the inspector"))
            if user[2] not in RECORDERS:
                raise ValueError(t("{name} is not an inspector or a quality manager", name=name))
            inspector_id = user[0]
        ordered = aware(local(field(row, "Ordered at", in_range, required=True)), "ordered_at")
        received = aware(local(field(row, "Received at", in_range)), "received_at")
        if verdict is not None and received is None:
            received = ordered
        price = field(row, "Price paid", as_decimal)
        if received and ordered and received < ordered:
            raise ValueError(t("It cannot arrive before it was ordered"))
        if ordered and ordered > stamp:
            raise ValueError(t("The order time is in the future"))
        # The status follows the row's dates and verdict, as on the purchase form
        # (domain/purchase_status.py); a row cannot set one by hand.
        status = status_from_dates(ordered, received, verdict)
        return {
            "merchant_id": merchant[0], "product_id": product_id, "order_number": order,
            "ordered_at": ordered, "received_at": received,
            "price_paid_cents": to_cents(str(price) if price is not None else None, "price_paid"),
            "buyer_alias": clean_line(field(row, "Buyer alias", as_text), "buyer_alias", limit=100),
            "delivery_address": clean_text(
                field(row, "Delivery address", as_text), "delivery_address", limit=1000
            ),
            "inspector_id": inspector_id,
            "notes": clean_text(field(row, "Notes", as_text), "notes"),
            # A verdict marks the purchase inspected (services/purchases.set_verdict); a
            # fail is checked for findings once the Findings sheet is in.
            "verdict": verdict,
            "status": status, "status_set_by_hand": False,
            "inspected_at": stamp if verdict else None,
        }
