"""Which statuses reply to the owner is the domain's rule, not a CASE in the SQL."""

from __future__ import annotations

from domain.submissions import SubmissionStatus


def test_an_answer_and_a_rejection_reply_to_the_owner() -> None:
    replies = {status for status in SubmissionStatus if status.is_reply}
    assert replies == {SubmissionStatus.ANSWERED, SubmissionStatus.REJECTED}
