"""Inspector: mystery-purchase quality inspection for an e-commerce platform."""

__version__ = "0.1.0"
APP_NAME = "Inspector"
APP_ORG = "Inspector"
