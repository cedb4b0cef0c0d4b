"""`python -m inspector_app` opens the desktop application."""

from inspector_app.ui.app import main

raise SystemExit(main())
