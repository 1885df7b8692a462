"""Deriving factextract/data/first_names.tsv from a public, licensed name-gender list (development only)."""
