"""Conventions shared by the codemods of one language (naming, environment suffix, resource walks)."""
