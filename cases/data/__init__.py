"""Data shipped with the cases app: example authorities, response templates and demo text."""
