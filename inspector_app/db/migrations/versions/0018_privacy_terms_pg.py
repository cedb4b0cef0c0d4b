"""team server: the private terms a merchant manager's login cannot read, matched by the server

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07

PostgreSQL only (SQLite: nothing). A schema `inspector_privacy`, owned by the schema owner
and closed to everyone else, holds `terms`: the matching form (privacy.normal_form's rules:
NFKC, lower case, no white space or zero-width characters) of every buyer alias and of every
part of every delivery address that services.privacy_gate.address_parts yields. Triggers on
`purchases` (and a foreign key, ON DELETE CASCADE) keep it current as the owner (SECURITY DEFINER); `prefixes` holds the first two
characters of the terms, where a match may start. The function
`inspector_privacy.private_spans(texts)` (SECURITY DEFINER, fixed search_path) returns, for
texts the caller has already brought to the matching form, the spans and kinds of the terms
found in them: never a term itself. Only the merchant managers' group may call it
(db/team.py); docs/team-server.md says what a call reveals.
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

SCHEMA = "inspector_privacy"

#: privacy.normal_form in SQL (lower() follows the database's LC_CTYPE: C.UTF-8 or a locale).
_NORMAL = r"""
CREATE OR REPLACE FUNCTION inspector_privacy.normal_form(t text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
    SELECT lower(regexp_replace(normalize(coalesce(t, ''), NFKC),
        E'[\\s\\u00ad\\u034f\\u180e\\u200b-\\u200f\\u2060-\\u2064\\ufeff]+', '', 'g'))
$$
"""

#: services.privacy_gate.address_parts in PL/pgSQL (docs/privacy.md).
_ADDRESS_PARTS = r"""
CREATE OR REPLACE FUNCTION inspector_privacy.address_parts(address text) RETURNS SETOF text
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog AS $$
DECLARE
    units_re constant text := '(自治区|特别行政区|省|市|区|县|镇|乡|街道|大道|路|街|巷|弄|号|栋|幢|座|单元|室|楼|层)';
    admin_re constant text := '^(.{1,8}?(自治区|特别行政区|省|市|区|县|镇|乡))+$';
    street_re constant text := '\d|\y(road|rd|street|st|lane|ln|avenue|ave|drive|dr|way|court|ct|flat|apt|apartment|unit|room|floor|building|block|house|estate|close|place|square)\y';
    words constant text[] := ARRAY['收件人','收货人','联系人','电话','手机','地址','先生','女士','recipient','phone','tel','mobile','address'];
    segs text[] := '{}';
    seg text; w text; piece text; units text[]; pieces text[]; m text[];
    used int; i int; j int;
BEGIN
    IF address IS NULL OR address = '' THEN RETURN; END IF;
    RETURN NEXT address;
    FOREACH seg IN ARRAY regexp_split_to_array(address, E'\r\n|\n|\r') LOOP
        RETURN NEXT btrim(seg, E' \t\r\n\f\v');
    END LOOP;
    FOR m IN SELECT regexp_matches(address,
            '(\+?\d[-\d ]{5,}\d|\d{2,4}[*xX×＊]{3,5}\d{3,4})', 'g') LOOP
        RETURN NEXT btrim(m[1]);
    END LOOP;
    FOREACH seg IN ARRAY regexp_split_to_array(address, E'[\n\r,，;；、()（）:：]+') LOOP
        segs := segs || btrim(seg, E' \t\r\n\f\v　');
    END LOOP;
    FOREACH seg IN ARRAY segs LOOP
        IF octet_length(seg) <> length(seg) THEN
            FOREACH w IN ARRAY regexp_split_to_array(seg, '\s+') LOOP
                IF length(w) >= 2 THEN segs := segs || w; END IF;
            END LOOP;
        END IF;
    END LOOP;
    FOREACH seg IN ARRAY segs LOOP
        CONTINUE WHEN length(seg) < 3 OR lower(seg) = ANY (words);
        IF octet_length(seg) = length(seg) THEN
            IF seg ~* street_re THEN RETURN NEXT seg; END IF;
            CONTINUE;
        END IF;
        units := ARRAY(SELECT x[1] FROM regexp_matches(seg, '(.+?' || units_re || ')', 'g') x);
        IF cardinality(units) = 0 THEN
            IF seg !~ admin_re THEN RETURN NEXT seg; END IF;
            CONTINUE;
        END IF;
        used := 0;
        FOREACH w IN ARRAY units LOOP used := used + length(w); END LOOP;
        pieces := units;
        IF used < length(seg) THEN pieces := pieces || substr(seg, used + 1); END IF;
        FOR i IN 1 .. cardinality(pieces) LOOP
            FOR j IN i .. least(i + 2, cardinality(pieces)) LOOP
                piece := array_to_string(pieces[i:j], '');
                IF length(piece) >= 3 AND piece !~ admin_re AND piece !~ '^\d+\D{1,2}$' THEN
                    RETURN NEXT piece;
                END IF;
            END LOOP;
        END LOOP;
        IF seg !~ admin_re THEN RETURN NEXT seg; END IF;
    END LOOP;
END $$
"""

_TERMS_OF = r"""
CREATE OR REPLACE FUNCTION inspector_privacy.terms_of(alias text, address text)
RETURNS TABLE (term text, kind text)
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
    SELECT DISTINCT x.term, x.kind FROM (
        SELECT inspector_privacy.normal_form(alias) AS term, 'buyer alias' AS kind
        UNION ALL
        SELECT inspector_privacy.normal_form(p), 'delivery address'
        FROM inspector_privacy.address_parts(address) AS p
    ) x WHERE char_length(x.term) >= 2
$$
"""

_REFRESH = r"""
CREATE OR REPLACE FUNCTION inspector_privacy.refresh_terms() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM inspector_privacy.terms WHERE purchase_id = OLD.id;
    END IF;
    INSERT INTO inspector_privacy.terms (purchase_id, term, kind)
    SELECT NEW.id, x.term, x.kind
    FROM inspector_privacy.terms_of(NEW.buyer_alias, NEW.delivery_address) x;
    -- Never removed: a prefix no term begins with any more only costs a probe.
    INSERT INTO inspector_privacy.prefixes (p)
    SELECT DISTINCT left(t.term, 2) FROM inspector_privacy.terms t WHERE t.purchase_id = NEW.id
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$
"""

#: Spans (1-based item, 0-based start, length, kind) of the terms in already normalised texts:
#: at each position whose first two characters begin some term (`prefixes`), every distinct
#: substring whose length is one the terms have, looked up once by the term index (LIMIT 1:
#: a street shared by many purchases is one probe). JIT off: compiling costs tens of
#: milliseconds on a call that otherwise takes one.
_SPANS = r"""
CREATE OR REPLACE FUNCTION inspector_privacy.private_spans(texts text[])
RETURNS TABLE (item integer, start_at integer, length integer, kind text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog SET jit = off AS $$
    WITH RECURSIVE lens(n) AS (
        SELECT min(t.len) FROM inspector_privacy.terms t
        UNION ALL
        SELECT (SELECT min(t.len) FROM inspector_privacy.terms t WHERE t.len > lens.n)
        FROM lens WHERE lens.n IS NOT NULL
    ), starts AS MATERIALIZED (
        SELECT i.ord::integer AS item, i.txt, s.pos
        FROM unnest(texts) WITH ORDINALITY AS i(txt, ord)
        CROSS JOIN LATERAL generate_series(1, char_length(i.txt) - 1) AS s(pos)
        WHERE i.txt IS NOT NULL
          AND substr(i.txt, s.pos, 2) IN (SELECT x.p FROM inspector_privacy.prefixes x)
    ), cand AS MATERIALIZED (
        SELECT st.item, st.pos, lens.n, substr(st.txt, st.pos, lens.n) AS sub
        FROM starts st JOIN lens ON lens.n IS NOT NULL
        WHERE st.pos + lens.n - 1 <= char_length(st.txt)
    ), found AS MATERIALIZED (
        SELECT d.sub AS term, (SELECT t.kind FROM inspector_privacy.terms t
                               WHERE t.term = d.sub LIMIT 1) AS kind
        FROM (SELECT DISTINCT c.sub FROM cand c) d
    )
    SELECT DISTINCT c.item, (c.pos - 1)::integer, c.n, f.kind
    FROM cand c JOIN found f ON f.term = c.sub AND f.kind IS NOT NULL
$$
"""


def upgrade() -> None:
    """Idempotent: the schema lives outside `public`, which tests (and people) may drop and
    migrate again, and an upgrade may be replayed over it (tests/team)."""
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in (
        f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}",
        f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC",
        f"CREATE TABLE IF NOT EXISTS {SCHEMA}.terms (purchase_id integer NOT NULL, term text NOT NULL,"
        " kind text NOT NULL, len integer GENERATED ALWAYS AS (char_length(term)) STORED)",
        f"CREATE TABLE IF NOT EXISTS {SCHEMA}.prefixes (p text PRIMARY KEY)",
        f"REVOKE ALL ON {SCHEMA}.terms, {SCHEMA}.prefixes FROM PUBLIC",
        f"CREATE INDEX IF NOT EXISTS ix_terms_term ON {SCHEMA}.terms (term)",
        f"CREATE INDEX IF NOT EXISTS ix_terms_len ON {SCHEMA}.terms (len)",
        f"CREATE INDEX IF NOT EXISTS ix_terms_purchase ON {SCHEMA}.terms (purchase_id)",
        _NORMAL, _ADDRESS_PARTS, _TERMS_OF, _REFRESH, _SPANS,
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC",
        "DROP TRIGGER IF EXISTS privacy_terms ON purchases",
        "CREATE TRIGGER privacy_terms AFTER INSERT OR UPDATE OF buyer_alias,"
        " delivery_address ON purchases FOR EACH ROW"
        f" EXECUTE FUNCTION {SCHEMA}.refresh_terms()",
        # The purchases already there (and nothing left from a schema dropped before).
        f"DELETE FROM {SCHEMA}.terms",
        f"DELETE FROM {SCHEMA}.prefixes",
        # A deleted purchase takes its terms along (no DELETE trigger: tests/backends.py
        # empties tables that have one with TRUNCATE).
        f"ALTER TABLE {SCHEMA}.terms DROP CONSTRAINT IF EXISTS fk_terms_purchase",
        f"ALTER TABLE {SCHEMA}.terms ADD CONSTRAINT fk_terms_purchase FOREIGN KEY"
        " (purchase_id) REFERENCES public.purchases (id) ON DELETE CASCADE",
        f"INSERT INTO {SCHEMA}.terms (purchase_id, term, kind) SELECT p.id, x.term, x.kind"
        f" FROM purchases p CROSS JOIN LATERAL {SCHEMA}.terms_of(p.buyer_alias,"
        " p.delivery_address) x",
        f"INSERT INTO {SCHEMA}.prefixes (p) SELECT DISTINCT left(term, 2) FROM {SCHEMA}.terms",
    ):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER IF EXISTS privacy_terms ON purchases")
    op.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
