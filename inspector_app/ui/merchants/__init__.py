"""The Merchants screen's parts: the scorecard table, the merchant page, status changes."""
