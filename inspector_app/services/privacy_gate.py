"""The privacy gate's private terms, gathered from the database for one merchant's documents.

Every user's name (and, for names in Latin script, each part), every buyer alias, every
delivery address (whole, each line and its street-level parts, and the phone numbers in it),
every purchase's order number, and the names and shop ids of all other merchants. The
merchant's own name and shop id and the organisation's name are allowed. See docs/privacy.md.

On a team server a merchant manager's login cannot read buyer aliases and delivery addresses
(docs/team-server.md); for it the gate asks the server's matcher (migration 0018), which finds
those terms in the texts it is given and returns only where they are and of what kind.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from inspector_app.db.models import Merchant, Purchase, User
from inspector_app.reports import privacy as p
from inspector_app.reports.privacy_gate import PrivacyGate

logger = logging.getLogger(__name__)

#: Parts of Latin-script names that are ordinary words of our own documents, not private
#: (test and demo users are called "Ivy Inspector", "Quinn Manager"); whole names still are.
COMMON_WORDS = frozenset(
    ["admin", "administrator", "manager", "merchant", "inspector", "inspection", "quality", "platform", "user", "team", "system", "test", "demo", "staff", "the", "and", "of", "mr", "mrs", "ms", "miss", "dr"]
)
#: Words of an address that say what follows, not who or where: never redacted on their own.
ADDRESS_WORDS = frozenset(
    ["收件人", "收货人", "联系人", "电话", "手机", "地址", "先生", "女士", "recipient", "phone", "tel", "mobile", "address"]
)
#: Where an address splits into parts: line breaks, commas, semicolons, brackets, colons.
_ADDRESS_SPLIT = re.compile(r"[\n\r,，;；、()（）:：]+")
#: Chinese address units; a part ends after one of them.
_UNIT = re.compile(r".+?(?:自治区|特别行政区|省|市|区|县|镇|乡|街道|大道|路|街|巷|弄|号|栋|幢|座|单元|室|楼|层)")
#: Units of administrative areas: a part made only of these is a place name, not private.
_ADMIN = re.compile(r"^(?:.{1,8}?(?:自治区|特别行政区|省|市|区|县|镇|乡))+$")
#: Street-level words in Latin-script addresses.
_STREET = re.compile(
    r"\d|\b(?:road|rd|street|st|lane|ln|avenue|ave|drive|dr|way|court|ct|flat|apt|apartment|"
    r"unit|room|floor|building|block|house|estate|close|place|square)\b",
    re.I,
)
#: Phone-like runs in an address, masked or not ("191****4543", "021-5555 1234").
_PHONE_LIKE = re.compile(r"\+?\d[\d\- ]{5,}\d|\d{2,4}[*xX×＊]{3,5}\d{3,4}")


def name_parts(name: str) -> Iterator[str]:
    """The parts of a Latin-script name worth hiding on their own ("Tom", "Turner")."""
    for part in re.split(r"[^\w'’]+", name):
        if (
            len(part) >= 2
            and part.isascii()
            and any(c.isalpha() for c in part)  # "Tom Turner 2": the 2 is no name
            and part.casefold() not in COMMON_WORDS
        ):
            yield part


def address_parts(address: str) -> Iterator[str]:
    """The address, its lines and segments, its street-level pieces and its phone numbers."""
    yield address
    for line in address.splitlines():
        yield line.strip()
    for m in _PHONE_LIKE.finditer(address):
        yield m.group().strip()
    segments = [s.strip() for s in _ADDRESS_SPLIT.split(address)]
    # "王女士 191****4543": the recipient on its own too.
    segments += [w for s in segments if not s.isascii() for w in s.split() if len(w) >= 2]
    for seg in segments:
        if len(seg) < 3 or seg.casefold() in ADDRESS_WORDS:
            continue
        if seg.isascii():
            if _STREET.search(seg):
                yield seg
            continue
        units = _UNIT.findall(seg)
        rest = seg[sum(len(u) for u in units) :]
        if not units:
            if not _ADMIN.match(seg):
                yield seg
            continue
        pieces = [*units, rest] if rest else units
        # Windows of one to three consecutive units: "建设路", "建设路88号", "阳光花园5栋"...
        for i in range(len(pieces)):
            for j in range(i + 1, min(i + 4, len(pieces) + 1)):
                piece = "".join(pieces[i:j])
                if len(piece) >= 3 and not _ADMIN.match(piece) and not re.fullmatch(
                    r"\d+\D{1,2}", piece
                ):
                    yield piece
        if not _ADMIN.match(seg):
            yield seg


def private_secrets(s: Session, merchant_id: int | None) -> list[p.Secret]:
    """Every private term of the team, for documents addressed to merchant `merchant_id`."""
    out: list[p.Secret] = []
    for name in s.scalars(select(User.display_name)):
        if name and name.strip():
            out.append(p.Secret(name, p.USER_NAME))
            out.extend(p.Secret(part, p.USER_NAME) for part in name_parts(name))
    rows = s.execute(
        select(Purchase.buyer_alias, Purchase.delivery_address, Purchase.order_number)
    )
    aliases, addresses = set(), set()
    for alias, address, order in rows:
        if alias:
            aliases.add(alias)
        if address:
            addresses.add(address)
        if order:
            out.append(p.Secret(order, p.ORDER_NUMBER))
    out.extend(p.Secret(a, p.BUYER_ALIAS) for a in aliases)
    for address in addresses:
        out.extend(p.Secret(part, p.ADDRESS) for part in set(address_parts(address)) if part)
    for mid, name, shop in s.execute(select(Merchant.id, Merchant.name, Merchant.shop_id)):
        if mid != merchant_id:
            out.append(p.Secret(name, p.OTHER_MERCHANT))
            out.append(p.Secret(shop, p.OTHER_SHOP_ID))
    return out


def merchant_gate(s: Session, merchant_id: int, organisation: str) -> PrivacyGate:
    """The gate for documents sent to one merchant (its own name and shop id may print)."""
    m = s.get(Merchant, merchant_id)
    allowed = (m.name, m.shop_id, organisation) if m else (organisation,)
    gate = PrivacyGate(tuple(private_secrets(s, merchant_id)), allowed, matcher=server_matcher(s))
    return gate


class ServerMatcher:
    """The team server's matcher of the private terms the login cannot read (migration 0018).

    Holds the engine, not the session: the gate scans the written file after the session
    that built it has ended. Each distinct text is asked once.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._known: dict[str, list[tuple[int, int, str]]] = {}

    def __call__(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        missing = sorted({t for t in texts if t not in self._known})
        if missing:
            found: dict[str, list[tuple[int, int, str]]] = {t: [] for t in missing}
            with self._engine.connect() as conn:
                rows = conn.execute(text(
                    "SELECT item, start_at, length, kind"
                    " FROM inspector_privacy.private_spans(CAST(:texts AS text[]))"
                ), {"texts": missing})
                for item, start, length, kind in rows:
                    found[missing[item - 1]].append((start, length, kind))
            self._known.update(found)
        return [self._known[t] for t in texts]


def server_matcher(s: Session) -> ServerMatcher | None:
    """The server's matcher when the session's login may not read buyer aliases (a merchant
    manager on a team server); None on SQLite and for everyone else."""
    bind = s.get_bind()
    if bind.dialect.name != "postgresql":
        return None
    if s.scalar(text("SELECT has_column_privilege('public.purchases', 'buyer_alias', 'SELECT')")):
        return None
    logger.info("private terms the login cannot read are matched by the server")
    return ServerMatcher(bind if isinstance(bind, Engine) else bind.engine)

