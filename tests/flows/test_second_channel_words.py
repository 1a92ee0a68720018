"""Another channel brings its own words: notices, export files, typed answers and "me too".

Where a service queues words for someone else or writes a file, the words are the channel's,
handed in through a small port (`LinkNoticeWriter`, `ExportWording`, `ButtonLabels`,
`OfferSeal`). Here a text-only channel (the kind a KakaoTalk or web adapter would be) wires the
services over a real SQLite file with its own plain words and no Telegram type, and everything
the services queue, write or match is in those words: no HTML, no callback data, no catalog.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from domain.agenda import LinkKind, LinkTarget
from domain.clock import FrozenClock
from domain.content import LocalizedText
from domain.delivery import QueuedMessage
from domain.drafts import DraftStep
from domain.export.columns import COLUMNS, columns_for
from domain.intake import SupportError
from domain.meetings import MeetingDraft, MeetingKind
from domain.submissions import Submission
from domain.subscriptions import QuietHours
from domain.users import User
from services.agenda import AgendaService, LinkMessage, MeetingNews
from services.content_admin import ContentAdminService
from services.export import ExportFilter, ExportFormat, ExportService
from services.export.burden_sheet import BURDEN_COLUMNS, BurdenWords
from services.export.labels import ExportLabels
from services.intake import IntakeService
from services.typed_choices import match_typed_answer
from storage.agenda import LinkRepository
from storage.announcements import AnnouncementRepository
from storage.audit import AuditRepository
from storage.bills import BillRepository
from storage.database import Database
from storage.drafts import DraftRepository
from storage.exports import ExportRepository
from storage.inputs import InputRepository
from storage.meetings import MeetingRepository
from storage.outbox import OutboxRepository
from storage.reference import ReferenceQueries
from storage.signing_keys import SigningKeyRepository
from storage.submissions import SubmissionRepository
from storage.users import UserRepository

SEOUL = ZoneInfo("Asia/Seoul")
NOW = datetime(2026, 11, 21, 6, 0, tzinfo=UTC)
ADMIN_ID = 900001
NOTICE = "text-channel-1"
PROBLEM = "AI 학습데이터로 쓸 저작물마다 허락을 받는 것은 현실적으로 불가능합니다."


class TextWords:
    """A text-only channel's words: plain sentences, and choices it reads back as commands."""

    def link_notice(self, message: LinkMessage) -> QueuedMessage:
        """A linked report's news as one line, with the command that opens the report."""
        news = message.news
        whose = "a report you support" if message.supporter else "your report"
        if isinstance(news, MeetingNews):
            said = f"{news.meeting.title.get(message.language)} is {news.what}"
        else:
            said = f"{news.bill.name.get(message.language)} reached {news.stage}"
        text = f"{message.receipt_code} ({whose}): {said}"
        choice = ("open", f"/open {message.receipt_code}")
        return QueuedMessage(message.user_id, (text,), ((choice,),), message.not_before)

    def labels(self, language: str) -> ExportLabels:
        """Headers in capitals, codes in brackets; the same in every language."""
        return ExportLabels(
            headers={column.key: column.key.upper() for column in COLUMNS},
            codes={"received": "[new]", "named": "[named]", "anonymous": "[anon]"},
            sheet_submissions="REPORTS",
            sheet_counts="COUNTS",
            by_status="BY STATUS",
            by_category="BY TOPIC",
            by_region="BY REGION",
            count="N",
            total="ALL",
            unspecified="-",
        )

    def burden(self, language: str) -> BurdenWords:
        """The burden sheet in the same plain capitals."""
        return BurdenWords(
            sheet="BURDEN",
            total="ALL",
            by_law="BY LAW",
            by_category="BY TOPIC",
            no_law="NO LAW",
            no_category="NO TOPIC",
            headers=tuple(key.upper() for key in BURDEN_COLUMNS),
        )

    def button_labels(self, key: str) -> tuple[str, ...]:
        """A choice is shown as its key's last word: "profile change", "anonymous", "4"."""
        return (key.rsplit(".", 1)[-1].replace("_", " "),)

    def seal(self, key: bytes, user_id: int, submission_id: int) -> str:
        """A longer proof than a Telegram button could carry: a web link has room for it."""
        offered = f"offer {user_id} {submission_id}".encode()
        return hashlib.blake2b(offered, key=key, digest_size=32).hexdigest()


@dataclass
class TextChannel:
    """The services as this channel wires them, over one database."""

    database: Database
    clock: FrozenClock
    users: UserRepository
    intake: IntakeService
    agenda: AgendaService
    content: ContentAdminService
    exports: ExportService
    reference: ReferenceQueries
    words: TextWords

    async def join(self, user_id: int, language: str) -> User:
        """Arrive and agree to the notice."""
        await self.users.touch(user_id, language, self.clock.now())
        return await self.users.grant_consent(
            user_id, notice_version=NOTICE, now=self.clock.now(), display_name="민수", username=None
        )

    async def report(self, user: User) -> Submission:
        """The quick path: topic, problem, send."""
        intake = self.intake
        asked = await intake.go(await intake.start_draft(user), DraftStep.CATEGORY)
        asked = await intake.go(asked.draft.with_category("ai_copyright"), DraftStep.PROBLEM)
        answered = await intake.answer(user.id, DraftStep.PROBLEM, PROBLEM)
        assert answered is not None
        return await intake.submit(user, answered.draft)


@pytest.fixture
async def channel(tmp_path: Path) -> AsyncIterator[TextChannel]:
    database = await Database.open(tmp_path / "text.db")
    clock = FrozenClock(NOW)
    words = TextWords()
    submissions = SubmissionRepository(database)
    meetings = MeetingRepository(database)
    bills = BillRepository(database)
    try:
        yield TextChannel(
            database=database,
            clock=clock,
            users=UserRepository(database),
            intake=IntakeService(
                submissions,
                DraftRepository(database),
                InputRepository(database),
                clock,
                units=database.unit_of_work,
                zone=SEOUL,
                daily_limit=3,
                notice_version=NOTICE,
                signing_keys=SigningKeyRepository(database),
                offer_seal=words.seal,
            ),
            agenda=AgendaService(
                LinkRepository(database),
                submissions,
                meetings,
                bills,
                clock,
                zone=SEOUL,
                quiet=QuietHours(0, 0),
                words=words.link_notice,
                on_queued=lambda: None,
            ),
            content=ContentAdminService(meetings, bills, AnnouncementRepository(database), clock),
            exports=ExportService(
                ExportRepository(database), AuditRepository(database), clock, SEOUL, words
            ),
            reference=ReferenceQueries(database),
            words=words,
        )
    finally:
        await database.close()


async def test_owners_and_supporters_hear_of_a_linked_meeting_in_the_channels_words(
    channel: TextChannel,
) -> None:
    owner = await channel.join(1, "ko")
    supporter = await channel.join(2, "en")
    submission = await channel.report(owner)
    code = submission.receipt_code
    offered = await channel.intake.offer(supporter.id, submission.id)
    assert len(offered) == 64  # the channel's own proof, no callback data's 11 characters
    forgery = offered[:-1] + ("1" if offered.endswith("0") else "0")  # always one digit off
    with pytest.raises(SupportError) as forged:
        await channel.intake.support(supporter, submission.id, forgery)
    assert forged.value.reason == "not_offered"
    await channel.intake.support(supporter, submission.id, offered)
    meeting = await channel.content.add_meeting(
        MeetingDraft(
            kind=MeetingKind.POLICY_COUNCIL,
            title=LocalizedText("중소·벤처 AI 정책협의회", "SME and venture AI policy council"),
            starts_at=NOW + timedelta(days=12),
        ),
        actor_id=ADMIN_ID,
    )

    outcome = await channel.agenda.link_codes(
        LinkTarget(LinkKind.MEETING, meeting.id), code, actor_id=ADMIN_ID
    )

    assert outcome.linked == (code,)
    queued = await OutboxRepository(channel.database).due(
        NOW + timedelta(days=1), after_id=0, limit=9
    )
    opens = ((("open", f"/open {code}"),),)
    assert {(row.user_id, row.text, row.buttons) for row in queued} == {
        (owner.id, f"{code} (your report): 중소·벤처 AI 정책협의회 is scheduled", opens),
        (
            supporter.id,
            f"{code} (a report you support): SME and venture AI policy council is scheduled",
            opens,
        ),
    }


async def test_an_export_file_is_written_in_the_channels_labels(
    channel: TextChannel, tmp_path: Path
) -> None:
    owner = await channel.join(1, "ko")
    await channel.report(owner)
    everything = ExportFilter(include_contacts=True)

    for export_format in (ExportFormat.CSV, ExportFormat.XLSX):
        await channel.exports.export(
            everything,
            export_format,
            actor_id=ADMIN_ID,
            language="ko",
            directory=tmp_path,
            file_name=f"out.{export_format.value}",
            fit_upload_limit=False,
        )

    text = (tmp_path / "out.csv").read_bytes().decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text, newline="")))
    columns = columns_for(include_contacts=True)
    assert header == [column.key.upper() for column in columns]
    assert row[header.index("STATUS")] == "[new]"
    assert row[header.index("VISIBILITY")] == "[anon]"
    book = openpyxl.load_workbook(tmp_path / "out.xlsx", read_only=True)
    assert book.sheetnames == ["REPORTS", "COUNTS", "BURDEN"]


@pytest.mark.parametrize(
    ("step", "typed", "value"),
    [
        (DraftStep.PROFILE, "profile change", "change"),
        (DraftStep.PROFILE, "Profile Same", "same"),
        # Telegram's labels, which this channel never shows.
        (DraftStep.PROFILE, "바꾸기", None),
        (DraftStep.IMPACT, "심각", None),
    ],
)
async def test_a_typed_answer_is_matched_against_the_channels_own_choices(
    channel: TextChannel, step: DraftStep, typed: str, value: str | None
) -> None:
    labels = channel.words.button_labels
    assert await match_typed_answer(channel.reference, step, typed, labels) == value
