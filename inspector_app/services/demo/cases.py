"""Demo rectification cases: findings grouped per merchant, walked through the workflow in time."""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from inspector_app.domain.enums import CaseStatus, Severity, Verdict, VerificationResult
from inspector_app.domain.workflow import FINAL_STATUSES, check_transition
from inspector_app.services.demo import vocab_findings as F
from inspector_app.services.demo.common import CST, Clock, Randomness, WeightedChoice, stamp
from inspector_app.services.demo.people import DemoUser
from inspector_app.services.demo.purchases import DemoPurchase

logger = logging.getLogger(__name__)

S = CaseStatus
#: Days to rectify by the worst severity (team_settings defaults).
DEADLINE_DAYS = {Severity.CRITICAL: 3, Severity.MAJOR: 7, Severity.MINOR: 15}
#: Days the merchant gets to carry out an accepted rectification plan (the deadline is moved).
RECTIFY_DAYS = {Severity.CRITICAL: 10, Severity.MAJOR: 21, Severity.MINOR: 30}
#: Most findings of one case.
MAX_CASE_FINDINGS = 12
#: Where a case is meant to end up, by its age in days (older cases are mostly closed).
_TARGETS = [
    (4, {S.OPEN: 45, S.NOTIFIED: 40, S.RESPONDED: 10, S.CANCELLED: 5}),
    (
        14,
        {
            S.OPEN: 5,
            S.NOTIFIED: 20,
            S.RESPONDED: 25,
            S.RECTIFYING: 25,
            S.AWAITING_VERIFICATION: 12,
            S.ESCALATED: 4,
            S.CLOSED: 4,
            S.CANCELLED: 3,
            S.WAIVED: 2,
        },
    ),
    (
        45,
        {
            S.OPEN: 2,
            S.NOTIFIED: 6,
            S.RESPONDED: 8,
            S.RECTIFYING: 22,
            S.AWAITING_VERIFICATION: 20,
            S.ESCALATED: 8,
            S.CLOSED: 26,
            S.CANCELLED: 4,
            S.WAIVED: 4,
        },
    ),
    (
        120,
        {
            S.OPEN: 1,
            S.NOTIFIED: 1,
            S.RESPONDED: 1,
            S.RECTIFYING: 4,
            S.AWAITING_VERIFICATION: 4,
            S.ESCALATED: 5,
            S.CLOSED: 76,
            S.CANCELLED: 4,
            S.WAIVED: 4,
        },
    ),
    (
        10_000,
        {
            S.RECTIFYING: 1,
            S.AWAITING_VERIFICATION: 1,
            S.ESCALATED: 3,
            S.CLOSED: 87,
            S.CANCELLED: 4,
            S.WAIVED: 4,
        },
    ),
]
_TARGET_CHOICE = [(age, WeightedChoice(w)) for age, w in _TARGETS]
#: The steps to reach each status from open (the usual way).
_ROUTES: dict[CaseStatus, list[CaseStatus]] = {
    S.OPEN: [],
    S.NOTIFIED: [S.NOTIFIED],
    S.RESPONDED: [S.NOTIFIED, S.RESPONDED],
    S.RECTIFYING: [S.NOTIFIED, S.RESPONDED, S.RECTIFYING],
    S.AWAITING_VERIFICATION: [S.NOTIFIED, S.RESPONDED, S.RECTIFYING, S.AWAITING_VERIFICATION],
    S.CLOSED: [S.NOTIFIED, S.RESPONDED, S.RECTIFYING, S.AWAITING_VERIFICATION, S.CLOSED],
    S.ESCALATED: [S.NOTIFIED, S.ESCALATED],
    S.CANCELLED: [S.CANCELLED],
    S.WAIVED: [S.NOTIFIED, S.RESPONDED, S.WAIVED],
}
#: Typical hours each step takes once the previous one is done.
_STEP_HOURS = {
    S.NOTIFIED: 6,
    S.RESPONDED: 30,
    S.RECTIFYING: 12,
    S.AWAITING_VERIFICATION: 150,
    S.CLOSED: 110,
    S.ESCALATED: 90,
    S.CANCELLED: 40,
    S.WAIVED: 60,
}


@dataclass
class DemoCase:
    id: int
    purchases: list[DemoPurchase]
    opened_at: datetime
    finding_ids: list[int]
    row: dict = field(default_factory=dict)
    events: list[dict] = field(default_factory=list)

    @property
    def merchant(self):
        return self.purchases[0].merchant


class CaseHistory:
    """Groups failed purchases into cases and writes each case's consistent event history."""

    def __init__(
        self, rand: Randomness, clock: Clock, users: list[DemoUser], purchases: list[DemoPurchase]
    ) -> None:
        from inspector_app.domain.enums import Role

        self.rand, self.clock = rand, clock
        self.managers = [u for u in users if u.role == Role.QUALITY_MANAGER]
        self.merchant_side = [u for u in users if u.role == Role.MERCHANT_MANAGER]
        # Passing inspections per merchant, by time: the candidates for a verifying re-purchase.
        self.passes: dict[int, list[tuple[datetime, int]]] = {}
        for p in purchases:
            if p.verdict == Verdict.PASS:
                self.passes.setdefault(p.merchant.id, []).append((p.inspected_at, p.id))
        for v in self.passes.values():
            v.sort()

    def plan(self, purchases: list[DemoPurchase], first_id: int) -> list[DemoCase]:
        """Cases for most serious failures, grouped per merchant within 30 days."""
        rand, clock = self.rand, self.clock
        per_merchant: dict[int, list[DemoPurchase]] = {}
        for p in purchases:
            if p.verdict == Verdict.FAIL:
                per_merchant.setdefault(p.merchant.id, []).append(p)
        cases: list[DemoCase] = []
        for group_list in per_merchant.values():
            group_list.sort(key=lambda p: p.inspected_at)
            groups: list[list[DemoPurchase]] = []
            for p in group_list:
                if (
                    groups
                    and len(groups[-1]) < 4
                    and (p.inspected_at - groups[-1][0].inspected_at < timedelta(days=30))
                ):
                    groups[-1].append(p)
                else:
                    groups.append([p])
            for g in groups:
                serious = any(p.worst != Severity.MINOR for p in g)
                if not rand.chance(0.85 if serious else 0.35):
                    continue  # left for the team to open a case on
                opened = max(p.inspected_at for p in g) + rand.hours(20, 0.7)
                m = g[0].merchant
                if opened >= clock.now - timedelta(hours=2) or (
                    m.eliminated_at is not None and opened >= m.eliminated_at
                ):
                    continue
                ids = [p.first_finding_id + i for p in g for i in range(min(p.findings, 4))]
                cases.append(DemoCase(0, g, opened, ids[:MAX_CASE_FINDINGS]))
        cases.sort(key=lambda c: c.opened_at)
        sequence: dict[int, int] = {}
        for i, c in enumerate(cases):
            c.id = first_id + i
            year = c.opened_at.astimezone(CST).year
            sequence[year] = sequence.get(year, 0) + 1
            self._walk(c, year, sequence[year], self._target(c))
        self._cover_every_status(cases)
        return cases

    def _target(self, c: DemoCase) -> CaseStatus:
        age = (self.clock.now - c.opened_at).total_seconds() / 86400
        chooser = next(ch for limit, ch in _TARGET_CHOICE if age < limit)
        return chooser.pick(self.rand.rng)

    def _cover_every_status(self, cases: list[DemoCase]) -> None:
        """Even a small demo shows a case in every status: re-walk old cases towards missing ones."""
        present = {c.row["status"] for c in cases}
        old = [c for c in cases if (self.clock.now - c.opened_at).days > 40]
        for status in S:
            if status in present or not old:
                continue
            c = old.pop(self.rand.rng.randrange(len(old)))
            self._walk(c, c.row["year"], c.row["sequence"], status)
            present = {c.row["status"] for c in cases}

    def _walk(self, c: DemoCase, year: int, seq: int, target: CaseStatus) -> None:
        rand, now = self.rand, self.clock.now
        qm = rand.pick(self.managers)
        worst = min((p.worst for p in c.purchases), key=list(DEADLINE_DAYS).index)
        opened_local = c.opened_at.astimezone(CST).date()
        first = c.purchases[0]
        more = len(c.finding_ids) - 1
        # One language per summary, the manager's who opens the case, the finding's title
        # included: an English title in a Chinese sentence reads as neither
        # ("谷丰服饰个人店：Seam slippage等2项问题").
        title_en, title_zh = first.titles
        if qm.english:
            summary = (
                f"{title_en} at {c.merchant.name}"
                if more == 0
                else f"{title_en} and {more} more finding{'' if more == 1 else 's'} "
                f"at {c.merchant.name}"
            )
        else:
            summary = (
                f"{c.merchant.name}：{title_zh}"
                if more == 0
                else f"{c.merchant.name}：{title_zh}等{len(c.finding_ids)}项问题"
            )
        row = {
            "id": c.id,
            "case_number": f"RC-{year}-{seq:04d}",
            "year": year,
            "sequence": seq,
            "merchant_id": c.merchant.id,
            "status": S.OPEN,
            "due_date": opened_local + timedelta(days=DEADLINE_DAYS[worst]),
            "assignee_id": qm.id,
            "summary": summary,
            "response_text": "",
            "root_cause": "",
            "corrective_action": "",
            "preventive_action": "",
            "response_date": None,
            "verification_result": None,
            "verification_note": "",
            "verification_purchase_id": None,
            "status_reason": "",
            "notified_at": None,
            "first_response_at": None,
            "closed_at": None,
        }
        events = [
            self._event(
                c, c.opened_at, qm, "opened", None, S.OPEN, ("1 finding" if len(c.finding_ids) == 1 else f"{len(c.finding_ids)} findings")
            )
        ]
        route = list(_ROUTES[target])
        if target == S.CLOSED and rand.chance(0.15):  # the first re-check failed
            route = route[:4] + [S.RECTIFYING, S.AWAITING_VERIFICATION] + route[4:]
        if target == S.CANCELLED and rand.chance(0.5):
            route = [S.NOTIFIED, S.CANCELLED]
        t = c.opened_at
        status = S.OPEN
        eliminated = c.merchant.eliminated_at
        for step in route:
            hours = _STEP_HOURS[step] * (
                2.0 if step == S.RESPONDED and c.merchant.risk > 1.5 else 1
            )
            previous = t
            t = t + rand.hours(hours, 0.8)
            if step == S.ESCALATED and row["due_date"]:
                due = datetime.combine(row["due_date"], datetime.min.time(), CST)
                t = max(t, due + rand.hours(24, 0.5))
            repurchase = None
            if step == S.CLOSED:  # verified by buying again once the merchant has rectified
                repurchase = self._repurchase(
                    c.merchant.id, previous + timedelta(hours=12), t + timedelta(days=40)
                )
                if repurchase is not None:
                    t = repurchase[0] + rand.hours(3, 0.5)
            waived_by_elimination = eliminated is not None and t >= eliminated
            if waived_by_elimination:
                t, step = max(previous, eliminated) + rand.hours(20, 0.5), S.WAIVED
            if t >= now - timedelta(minutes=10):
                break
            actor = (
                rand.pick(self.merchant_side)
                if step in (S.RESPONDED, S.AWAITING_VERIFICATION)
                else qm
            )
            note = F.WAIVE_NOTES[0] if waived_by_elimination else self._note(status, step, row)
            if step == S.RESPONDED:
                self._respond(c, row, t, actor, events)
            if status == S.AWAITING_VERIFICATION and step == S.CLOSED:
                row["verification_result"] = VerificationResult.PASSED
                row["verification_note"] = note
                row["verification_purchase_id"] = repurchase[1] if repurchase else None
            if status == S.AWAITING_VERIFICATION and step == S.RECTIFYING:
                row["verification_result"] = VerificationResult.FAILED
                row["verification_note"] = note
            check_transition(row["case_number"], status, step, actor.role, note)
            events.append(self._event(c, t, actor, "status", status, step, note))
            if step == S.RECTIFYING and status == S.RESPONDED and rand.chance(0.8):
                self._extend_deadline(c, row, t, qm, RECTIFY_DAYS[worst], events)
            if step == S.NOTIFIED and row["notified_at"] is None:
                row["notified_at"] = t
            if step == S.RESPONDED and row["first_response_at"] is None:
                row["first_response_at"] = t
            if step in (S.CANCELLED, S.WAIVED, S.ESCALATED):
                row["status_reason"] = note
            if step in FINAL_STATUSES:
                row["closed_at"] = t
            status = step
            row["status"] = step
            if step in FINAL_STATUSES:
                break
        c.row = stamp(rand, c.opened_at, qm.id, updated_at=events[-1]["at"], **row)
        c.events = events

    def _extend_deadline(
        self, c: DemoCase, row: dict, t: datetime, qm: DemoUser, days: int, events: list[dict]
    ) -> None:
        """Accepting the plan gives the merchant time to carry it out (as update_case records it)."""
        new_due = t.astimezone(CST).date() + timedelta(days=days)
        if row["due_date"] is None or new_due > row["due_date"]:
            note = f"due date {row['due_date']} -> {new_due}"
            events.append(self._event(c, t + timedelta(minutes=2), qm, "edit", None, None, note))
            row["due_date"] = new_due

    def _note(self, source: CaseStatus, step: CaseStatus, row: dict) -> str:
        pick = self.rand.pick
        if step == S.ESCALATED:
            return pick(F.ESCALATE_NOTES)
        if step == S.CANCELLED:
            return pick(F.CANCEL_NOTES)
        if step == S.WAIVED:
            return pick(F.WAIVE_NOTES)
        if source == S.AWAITING_VERIFICATION:
            return pick(F.VERIFY_PASS_NOTES if step == S.CLOSED else F.VERIFY_FAIL_NOTES)
        if source == S.RESPONDED and step == S.RECTIFYING and self.rand.chance(0.15):
            return pick(F.REJECT_NOTES)  # accepted the plan only after asking for more
        return ""

    def _respond(
        self, c: DemoCase, row: dict, t: datetime, actor: DemoUser, events: list[dict]
    ) -> None:
        root, corrective, preventive = self.rand.pick(F.RESPONSES)
        text = f"{c.merchant.name}回复：已收到整改通知，{corrective}。"
        row.update(
            response_text=text,
            root_cause=root,
            corrective_action=corrective,
            preventive_action=preventive,
            response_date=t.astimezone(CST).date(),
        )
        events.append(self._event(c, t, actor, "response", None, None, text[:500]))

    def _repurchase(
        self, merchant_id: int, after: datetime, before: datetime
    ) -> tuple[datetime, int] | None:
        """A passing inspection of the same merchant in the window: the verifying re-purchase."""
        candidates = self.passes.get(merchant_id, [])
        i = bisect.bisect_left(candidates, (after, 0))
        if i < len(candidates) and candidates[i][0] < min(before, self.clock.now):
            return candidates[i]
        return None

    def _event(
        self,
        c: DemoCase,
        at: datetime,
        actor: DemoUser,
        kind: str,
        source: CaseStatus | None,
        target: CaseStatus | None,
        note: str,
    ) -> dict:
        return stamp(
            self.rand,
            at,
            actor.id,
            case_id=c.id,
            actor_id=actor.id,
            at=at,
            kind=kind,
            from_status=source.value if source else None,
            to_status=target.value if target else None,
            note=note,
        )

    def link_rows(self, cases: list[DemoCase]) -> list[dict]:
        """The case_findings rows."""
        return [
            stamp(self.rand, c.opened_at, c.row["created_by_id"], case_id=c.id, finding_id=fid)
            for c in cases
            for fid in c.finding_ids
        ]


def overdue(cases: list[DemoCase], today: date) -> int:
    return sum(
        1
        for c in cases
        if c.row["status"] not in FINAL_STATUSES
        and c.row["due_date"] is not None
        and c.row["due_date"] < today
    )
