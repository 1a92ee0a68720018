"""Lists users pick from (categories, regions, sizes, industries), named in both languages."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Choice"]


@dataclass(frozen=True, slots=True)
class Choice:
    """One entry of a reference list; the name shown follows the reader's language."""

    id: str
    name_ko: str
    name_en: str

    def name(self, language: str) -> str:
        """The name in a language, Korean when the language is unknown."""
        return self.name_en if language == "en" else self.name_ko
