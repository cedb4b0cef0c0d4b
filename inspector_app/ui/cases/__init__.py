"""The Cases screen's parts: the case table by status and the case page with its sections."""
