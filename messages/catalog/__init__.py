"""Catalog modules, one per flow; each defines `TEXTS`, every key in Korean and English."""
