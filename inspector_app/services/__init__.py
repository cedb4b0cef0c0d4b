"""Use cases: the only code that writes data. One transaction per call; roles checked here."""
