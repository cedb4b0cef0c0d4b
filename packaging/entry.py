"""Entry script of the frozen application (packaging/inspector.spec).

One program, two names: started as `inspector` (inspector.exe on Windows) it is the command
line, under any other name (`inspector-app`) the desktop application.
"""

import os
import sys

#: The command line's program name.
CLI_NAME = "inspector"


def program_name(argv0: str) -> str:
    name = os.path.basename(argv0).lower()
    return name[:-4] if name.endswith(".exe") else name


if __name__ == "__main__":
    if program_name(sys.argv[0]) == CLI_NAME:
        from inspector_app.cli.main import main
    else:
        from inspector_app.ui.app import main
    raise SystemExit(main())
