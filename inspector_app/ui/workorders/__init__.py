"""The Work orders screen's table: columns and the page source."""
