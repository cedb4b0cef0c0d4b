"""The Purchases screen's parts: table, filters, purchase form, pickers and the inspection page."""
