"""Pictures of dialogs the screens open (tools/screenshots.py): merging duplicate
merchants, editing a merchant, the Products dialog, Settings > Users."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def dialog_shots(window, target: Path, settle: Callable[[], None]) -> list[Path]:
    from inspector_app.services import browse, merchants
    from inspector_app.ui.merchants.edit_dialog import MerchantEditDialog
    from inspector_app.ui.merchants.merge_dialog import MergeDialog
    from inspector_app.ui.merchants.products_dialog import ProductsDialog

    ctx = window.state.ctx
    rows = browse.fetch_merchants(ctx, browse.MerchantFilter(), sort="purchases", desc=True,
                                  limit=2)
    written: list[Path] = []

    def grab(name: str, widget) -> None:
        widget.show()
        settle()
        path = target / f"{name}.png"
        if not widget.grab().save(str(path)):
            raise OSError(f"Could not write {path}")
        written.append(path)
        print(path)
        widget.close()
        widget.deleteLater()

    if len(rows) == 2:
        grab("merchant_merge", MergeDialog(
            ctx, "merchant", [(r.id, f"{r.name} ({r.shop_id})") for r in rows], window))
        grab("merchant_edit", MerchantEditDialog(ctx, merchants.get_merchant(ctx, rows[0].id),
                                                 window))
    grab("products", ProductsDialog(window.env, window))
    screen = window.navigate("settings")
    settle()
    if screen is not None and hasattr(screen, "users_panel"):
        screen.users_panel.table.selectRow(0)
        path = target / "settings_users.png"
        screen.users_panel.grab().save(str(path))
        written.append(path)
        print(path)
    return written
