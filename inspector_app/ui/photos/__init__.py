"""Photo widgets: the thumbnail grid panel, the viewer with annotations, the before/after view.

Embedding (all take the screen's `env`, a ScreenEnv):

    from inspector_app.ui.photos import BeforeAfterView, PhotoPanel, PhotoViewer

    panel = PhotoPanel(env, parent)
    panel.set_owner(purchase_id=7)                       # or finding_id= / case_id=
    panel.set_owner(case_id=3, role=PhotoRole.RECTIFICATION, read_only=case.is_final)
    panel.photos_changed.connect(self.refresh_counts)    # after add/delete/undo/caption/shapes

    before_after = BeforeAfterView(env, parent)
    before_after.set_case(case.id, read_only=case.is_final)

    PhotoViewer(env, photos, index, read_only=False, parent=w).show()   # a list of PhotoInfo

PhotoPanel API: set_owner(...), clear(), reload(), set_read_only(bool),
set_thumbnail_size(edge), set_heading("Title (%1)"), set_compact(bool), photos(),
selected_ids(), select_photo(id), add_files(paths), add_from_mime(mime), paste(),
choose_files(), delete_selected(), undo_delete(), open_viewer(row); `editable` says whether
the current user may change photos there (not read-only, and services.photos.roles_for).
A panel lists only photos of its role; the grid has a context menu with every action.
Every write goes through services.photos in the operation runner (ui/ops.py), which says
what changed.
"""

from inspector_app.ui.photos.before_after import BeforeAfterView
from inspector_app.ui.photos.model import PhotoListModel
from inspector_app.ui.photos.panel import PhotoPanel
from inspector_app.ui.photos.viewer import PhotoViewer

__all__ = ["BeforeAfterView", "PhotoListModel", "PhotoPanel", "PhotoViewer"]
