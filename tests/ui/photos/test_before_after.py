"""BeforeAfterView: the case's defect, rectification and verification photos side by side."""

from __future__ import annotations

from PySide6.QtCore import Qt

from inspector_app.domain.enums import Role
from inspector_app.services import cases
from inspector_app.services import photos as photo_service
from inspector_app.ui.photos import BeforeAfterView
from tests.ui.photos.conftest import url_mime


def make_view(qtbot, env) -> BeforeAfterView:
    view = BeforeAfterView(env)
    qtbot.addWidget(view)
    view.resize(1200, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_three_columns_and_a_click_opens_the_viewer(qtbot, env, finding, attach, wait_images):
    case = cases.open_case(env.ctx, [finding.id])
    attach(2, finding_id=finding.id)
    attach(1, case_id=case.id, role="rectification")
    attach(3, case_id=case.id, role="verification")
    view = make_view(qtbot, env)
    view.set_case(case.id)
    counts = [c.panel.model.rowCount() for c in view.columns()]
    assert counts == [2, 1, 3]
    assert [c.panel.count_label.text() for c in view.columns()] == [
        "Defect evidence (2)",
        "Merchant’s rectification evidence (1)",
        "Verification re-check (3)",
    ]
    evidence = view.evidence.panel
    assert not evidence.editable and not evidence.buttons["add"].isVisibleTo(evidence)
    assert view.rectification.panel.editable  # the admin may add the merchant's evidence
    rect = evidence.view.visualRect(evidence.model.index(1))
    qtbot.mouseClick(evidence.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    viewer = evidence.viewer
    assert viewer is not None and viewer.isVisible() and viewer.index == 1 and viewer.read_only
    viewer.close()
    wait_images()


def test_dropping_rectification_evidence_into_its_column(qtbot, env, finding, files):
    case = cases.open_case(env.ctx, [finding.id])
    view = make_view(qtbot, env)
    view.set_case(case.id, verification=False)
    assert not view.verification.isVisibleTo(view)
    with qtbot.waitSignal(view.photos_changed, timeout=15_000):
        view.rectification.panel.add_from_mime(url_mime(files("report.jpg")))
    [photo] = photo_service.list_photos(env.ctx, case_id=case.id)
    assert photo.role.value == "rectification" and photo.original_name == "report.jpg"


def test_closed_cases_are_read_only(qtbot, env, state, users, finding, attach):
    case = cases.open_case(env.ctx, [finding.id])
    attach(1, case_id=case.id, role="rectification")
    state.set_actor(users[Role.MERCHANT_MANAGER])
    view = make_view(qtbot, env)
    view.set_case(case.id)
    assert view.rectification.panel.editable  # merchant managers bring the merchant's evidence
    assert not view.verification.panel.editable  # re-checks are the inspectors' work
    view.set_read_only(True)
    assert not any(c.panel.editable for c in view.columns())
    assert not view.rectification.panel.buttons["add"].isVisibleTo(view)
