"""Where a person can be in the schema, and how each such column is emptied.

Every column that can hold an id, a name or free text carries one rule (whole tables of public
or bookkeeping data carry one for all their columns). tests/unit/test_personal_data.py reads the
schema a fresh database gets and fails on any such column without a rule here, so a new table
or column cannot hold a person unnoticed; the README's "Privacy" section says the same in words.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["COLUMN_RULES", "TABLE_RULES", "PurgeRule", "can_hold_a_person"]


class PurgeRule(StrEnum):
    """How a column's content goes; the values are the words the README uses."""

    NO_PERSON = "holds no person: public content, reference data, counts or bookkeeping"
    REPORT_PERSON = (
        "who wrote or supported a report, and their evidence: removed when the report is"
        " anonymised (RETENTION_YEARS after it was answered, closed or rejected) or when the"
        " person uses /deletemydata"
    )
    REPORT_RECORD = (
        "the report's own content: kept as an anonymous record once its owner is removed"
    )
    PERSON = (
        "the person's own settings: deleted at /deletemydata, and RETENTION_YEARS after their"
        " last visit and last report (the user row stays only while they are still subscribed)"
    )
    EXPIRES = (
        "deleted with the person or their report as above, and in any case RETENTION_YEARS after"
        " it was written"
    )
    STAFF = "an administrator's id or words about a report, kept as the record of the work done"
    ERASURE_LOG = (
        "a keyed hash of an erased person's id, so a restore erases them again: deleted"
        " BACKUP_KEEP + 1 days later, when no backup predates it"
    )


TABLE_RULES: dict[str, PurgeRule] = (
    {
        table: PurgeRule.NO_PERSON
        for table in (
            "announcements",
            "bill_stages",
            "bills",
            "categories",
            "company_sizes",
            "content_categories",
            "content_events",
            "daily_runs",
            "dispatch_cursors",
            "industries",
            "law_aliases",
            "link_notices",
            "meetings",
            "receipt_sequences",
            "regions",
            "schema_migrations",
            "signing_keys",
        )
    }
    | {
        # The inbox search index: the report's text, folded; it follows the submissions table.
        table: PurgeRule.REPORT_RECORD
        for table in (
            "submissions_search",
            "submissions_search_config",
            "submissions_search_content",
            "submissions_search_data",
            "submissions_search_docsize",
            "submissions_search_idx",
        )
    }
    | {
        # Counts per status, topic, region, size, due day and follow-up result: no text, no id.
        "submission_tallies": PurgeRule.NO_PERSON,
        # Burden sums per law text as typed: it follows the submissions table, and a text's row
        # goes as soon as no counted report has it (migration 0032's triggers).
        "burden_tallies": PurgeRule.REPORT_RECORD,
    }
)

_R = PurgeRule

COLUMN_RULES: dict[str, dict[str, PurgeRule]] = {
    "admin_searches": {"admin_id": _R.STAFF, "query": _R.EXPIRES},
    "audit_log": {
        "id": _R.NO_PERSON,
        "actor_id": _R.STAFF,
        "action": _R.NO_PERSON,
        "target_type": _R.NO_PERSON,
        "target_ids": _R.NO_PERSON,
        # Counts, statuses, reference ids and file names; never a person's words.
        "details": _R.NO_PERSON,
    },
    "bill_follows": {"user_id": _R.PERSON, "bill_id": _R.NO_PERSON},
    "company_profiles": {
        "user_id": _R.PERSON,
        "region_id": _R.PERSON,
        "company_size_id": _R.PERSON,
        "industry_id": _R.PERSON,
    },
    "deadline_changes": {
        "id": _R.NO_PERSON,
        "submission_id": _R.NO_PERSON,
        "reason": _R.STAFF,
        "actor_id": _R.STAFF,
    },
    # A draft reminder's key names its recipient (storage/drafts.py); other keys name none.
    "deliveries": {"id": _R.NO_PERSON, "key": _R.EXPIRES, "kind": _R.NO_PERSON},
    "erasures": {"subject": _R.ERASURE_LOG},
    "follow_ups": {
        "submission_id": _R.NO_PERSON,
        "result": _R.REPORT_RECORD,
        "note": _R.REPORT_PERSON,
    },
    "inputs_in_progress": {
        "user_id": _R.EXPIRES,
        "flow": _R.EXPIRES,
        "step": _R.EXPIRES,
        "form": _R.EXPIRES,
        "opened_by": _R.EXPIRES,
    },
    "meeting_reminders": {"user_id": _R.PERSON, "meeting_id": _R.NO_PERSON},
    "outbox": {
        "id": _R.NO_PERSON,
        "delivery_id": _R.NO_PERSON,
        "user_id": _R.EXPIRES,
        "text": _R.EXPIRES,
        "buttons": _R.EXPIRES,
        "not_before": _R.NO_PERSON,
        "status": _R.NO_PERSON,
        "last_error": _R.EXPIRES,
    },
    "submission_attachments": {
        "id": _R.NO_PERSON,
        "submission_id": _R.NO_PERSON,
        "file_id": _R.REPORT_PERSON,
        "file_unique_id": _R.REPORT_PERSON,
        "kind": _R.REPORT_PERSON,
        "file_name": _R.REPORT_PERSON,
        "mime_type": _R.REPORT_PERSON,
    },
    "submission_drafts": dict.fromkeys(
        (
            "user_id",
            "category_id",
            "problem",
            "law_or_rule",
            "proposal",
            "attachments",
            "region_id",
            "company_size_id",
            "industry_id",
            "visibility",
            "language",
            "cost_hours_period",
            "cost_won_period",
        ),
        _R.EXPIRES,
    ),
    "submission_events": {
        "id": _R.NO_PERSON,
        "submission_id": _R.NO_PERSON,
        "status": _R.NO_PERSON,
        "actor_id": _R.STAFF,
        "note": _R.STAFF,
    },
    "submission_links": {
        "submission_id": _R.NO_PERSON,
        "item_type": _R.NO_PERSON,
        "item_id": _R.NO_PERSON,
        "since_stage_id": _R.NO_PERSON,
        "actor_id": _R.STAFF,
    },
    "submission_supporters": {
        "id": _R.NO_PERSON,
        "submission_id": _R.NO_PERSON,
        "user_id": _R.REPORT_PERSON,
    },
    "submissions": {
        "id": _R.NO_PERSON,
        "receipt_code": _R.NO_PERSON,
        "user_id": _R.REPORT_PERSON,
        "visibility": _R.NO_PERSON,
        "submitter_name": _R.REPORT_PERSON,
        "submitter_username": _R.REPORT_PERSON,
        "category_id": _R.NO_PERSON,
        "problem": _R.REPORT_RECORD,
        "law_or_rule": _R.REPORT_RECORD,
        "proposal": _R.REPORT_RECORD,
        "region_id": _R.REPORT_RECORD,
        "company_size_id": _R.REPORT_RECORD,
        "industry_id": _R.REPORT_RECORD,
        "status": _R.NO_PERSON,
        "forwarded_to": _R.STAFF,
        "answer_text": _R.STAFF,
        "answered_by": _R.STAFF,
        "language": _R.REPORT_RECORD,
        "cost_hours_period": _R.REPORT_RECORD,
        "cost_won_period": _R.REPORT_RECORD,
    },
    "submitter_notices": {"user_id": _R.PERSON, "item_type": _R.NO_PERSON, "item_id": _R.NO_PERSON},
    "subscription_categories": {"user_id": _R.PERSON, "category_id": _R.PERSON},
    "subscriptions": {"user_id": _R.PERSON, "bills": _R.PERSON, "frequency": _R.PERSON},
    "update_journal": {"update_id": _R.NO_PERSON, "body": _R.EXPIRES},
    "users": {
        "id": _R.PERSON,
        "language": _R.PERSON,
        "consent_state": _R.PERSON,
        "consent_version": _R.PERSON,
        "display_name": _R.PERSON,
        "username": _R.PERSON,
    },
}


def can_hold_a_person(column: str, declared_type: str) -> bool:
    """Whether a column could hold an id, a name or free text: ids, and text not a timestamp."""
    if column == "id" or column.endswith(("_id", "_by")):
        return True
    if column in ("at", "day") or column.endswith(("_at", "_on", "_date")):
        return False
    return declared_type.upper() in ("TEXT", "BLOB", "")
