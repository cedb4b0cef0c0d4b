"""Settings > Users: the people of the team, for administrators."""
