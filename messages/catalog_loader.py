"""Gathers the per-flow catalog modules into one table, refusing duplicate keys."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

import messages.catalog
from messages.glossary import expand_terms

__all__ = ["LANGUAGES", "Catalog", "load_catalog"]

LANGUAGES = ("ko", "en")
Catalog = Mapping[str, Mapping[str, str]]


def load_catalog() -> dict[str, dict[str, str]]:
    """Merge every catalog module, glossary terms put in; a key defined twice is a bug."""
    merged: dict[str, dict[str, str]] = {}
    for module_info in sorted(
        pkgutil.iter_modules(messages.catalog.__path__), key=lambda m: m.name
    ):
        module = importlib.import_module(f"messages.catalog.{module_info.name}")
        texts: Catalog = module.TEXTS
        for key, translations in texts.items():
            if key in merged:
                raise ValueError(f"message key {key!r} is defined twice (in {module_info.name})")
            merged[key] = {
                language: expand_terms(text, language) for language, text in translations.items()
            }
    return merged
