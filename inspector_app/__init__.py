"""Inspector: mystery-purchase quality inspection for an e-commerce platform."""

APP_NAME = "Inspector"
APP_ORG = "Inspector"


def __getattr__(name: str) -> str:
    # `__version__` is read from the package metadata on first use (inspector_app.version).
    if name == "__version__":
        from inspector_app.version import app_version

        return app_version()
    raise AttributeError(f"module 'inspector_app' has no attribute {name!r}")
