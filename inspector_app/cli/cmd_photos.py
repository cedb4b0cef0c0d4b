"""`inspector photos add`: import photo files for a purchase, a finding or a case."""

from __future__ import annotations

import argparse
import logging

from inspector_app.cli.invocation import Invocation
from inspector_app.cli.options import add_acting_user, add_command, choice_of, positive_int
from inspector_app.domain.enums import PhotoRole
from inspector_app.domain.messages import t

logger = logging.getLogger(__name__)

#: Exit status when some files were rejected (the good ones are stored).
EXIT_REJECTED = 1
ROLES = [r.value for r in PhotoRole]


def register(subparsers: argparse._SubParsersAction) -> None:
    photos = add_command(subparsers, "photos", None, help="import photos (photos add)")
    actions = photos.add_subparsers(title="actions", metavar="ACTION", required=True)
    add = add_command(
        actions,
        "add",
        run_add,
        help="import photo files",
        description="Import JPEG, PNG or WebP photos (HEIC with pillow-heif) and attach them "
        "to one purchase, finding or case. Prints one line per file: stored, already stored, "
        "or rejected with the reason. Exits with status 1 if any file was rejected, after "
        "storing the good ones. The originals are kept byte for byte.",
    )
    owner = add.add_mutually_exclusive_group(required=True)
    owner.add_argument("--purchase", metavar="ORDER_NUMBER", help="the purchase's order number")
    owner.add_argument("--finding", type=positive_int, metavar="FINDING_ID", help="a finding's id")
    owner.add_argument(
        "--case", metavar="CASE_NUMBER", help="a rectification case, e.g. RC-2026-0042"
    )
    add.add_argument(
        "--role",
        type=choice_of(ROLES, "photo role"),
        default=None,
        help="evidence (default), rectification (default with --case) or verification",
    )
    add.add_argument("--caption", default="", metavar="TEXT", help="a caption for every file")
    add.add_argument("files", nargs="+", metavar="FILE", help="photo files")
    add_acting_user(add)


def run_add(inv: Invocation) -> int:
    from inspector_app.services.photos import ALREADY_STORED, REJECTED, add_photos

    args = inv.args
    ctx = inv.acting_context()
    owner: dict[str, int] = {}
    if args.purchase:
        from inspector_app.services.purchases import find_by_order_number

        owner["purchase_id"] = find_by_order_number(ctx, args.purchase).id
    elif args.finding:
        owner["finding_id"] = args.finding
    else:
        from inspector_app.services.cases import get_case

        owner["case_id"] = get_case(ctx, args.case).id
    role = args.role or (PhotoRole.RECTIFICATION if args.case else PhotoRole.EVIDENCE)
    rejected = 0
    for result in add_photos(ctx, args.files, role=role, caption=args.caption, **owner):
        if result.status == REJECTED:
            rejected += 1
            inv.print(f"rejected        {result.path}: {result.reason}")
        elif result.status == ALREADY_STORED:
            inv.print(f"already stored  {result.path} (photo {result.photo_id})")
        else:
            inv.print(
                f"stored          {result.path} (photo {result.photo_id}, "
                f"sha256 {(result.sha256 or '')[:12]})"
            )
            if result.flag:
                inv.print(f"flagged         {result.path}: {result.flag}")
    if rejected:
        count = len(args.files)
        if rejected < count:
            inv.note(t(
                "{rejected} of {count} files rejected; the others were stored",
                rejected=rejected, count=count,
            ))
        elif count == 1:
            inv.note(t("The file was rejected"))
        else:
            inv.note(t("All {count} files were rejected", count=count))
        return EXIT_REJECTED
    return 0
