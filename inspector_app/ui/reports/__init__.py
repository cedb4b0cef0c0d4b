"""The parts of the Reports screen: report kinds, parameters, preview, printing, imports, archive."""
