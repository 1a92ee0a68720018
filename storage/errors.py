"""Named storage failures; only the command line and the Telegram edge turn them into messages."""

__all__ = ["MigrationError", "SchemaTooNewError", "StorageError"]


class StorageError(Exception):
    """Base of every failure raised by `storage`."""


class SchemaTooNewError(StorageError):
    """The database was migrated by a newer Sotong; running older code on it could corrupt it."""

    def __init__(self, database_version: int, code_version: int) -> None:
        super().__init__(
            f"the database has schema version {database_version}, which this version of Sotong "
            f"does not know (it knows up to {code_version}): upgrade Sotong or use another "
            "DATABASE_PATH"
        )
        self.database_version = database_version
        self.code_version = code_version


class MigrationError(StorageError):
    """A migration step failed; it was rolled back and stays pending."""
