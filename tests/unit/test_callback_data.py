"""The callback-data codec: typed, bounded, one route per button, never an exception."""

from __future__ import annotations

import pytest

from domain import callback_data as cb

EXAMPLES: list[cb.ButtonData] = [
    cb.MENU_HELP,
    cb.FbSkip("law"),
    cb.FbNext("cost"),
    cb.ANSWER_SEND,
    cb.StartLanguage("ko"),
    cb.Language("en"),
    cb.FbCategory("ai_copyright"),
    cb.FbImpact(5),
    cb.FbCost("won"),
    cb.FbRegion("seoul"),
    cb.FbSize("small"),
    cb.FbIndustry("manufacturing"),
    cb.FbVisibility("anonymous"),
    cb.FbMeToo(12, "abcdefghijk"),
    cb.FbEdit("problem"),
    cb.MeToo(cb.MAX_ID, "A-b_c0123456"[:11]),
    cb.MyPage(0),
    cb.MyOpen(3, 2),
    cb.SubKind("ann"),
    cb.SubCategory("*"),
    cb.SubFrequency("weekly"),
    cb.SubHour(23),
    cb.SubWeekday(6),
    cb.MeetShow(1),
    cb.MeetRemind("forget", 1, detail=True),
    cb.MeetRemind("remind", 1),
    cb.MeetIcs(1),
    cb.BillShow(1),
    cb.BillFollow("follow", 1),
    cb.BillFollow("unfollow", 1, detail=True),
    cb.InboxList(3, "*", "ai_copyright", "-"),
    cb.InboxFilter("region", "_", "-", "seoul"),
    cb.InboxOpen(9),
    cb.InboxMove("closed", 9),
    cb.InboxAction("duplicate", 9),
    cb.AuditPage(30),
    cb.ExportStep(("xlsx", "month", "*", "*", "*", "0", "1")),
    cb.CadmKind("policy_council"),
    cb.CadmField("title"),
    cb.CadmCategory("ai_copyright"),
    cb.CadmMeetingHeld(1),
    cb.CadmMeetingEdit(1),
    cb.CadmMeetingCancel(1),
    cb.CadmStageBill(1),
    cb.CadmBillStage(1),
    cb.CadmStage("submitted"),
    cb.StatsView("top"),
    cb.STATS_CHART,
    cb.BURDEN_LAWS,
    cb.MeetPage(2),
    cb.BillPage(0),
    cb.InboxList(0, "!", "-", "-", "c", True),
    cb.InboxFilter("sort", "_", "-", "-", "n"),
    cb.AgendaPick(4),
    cb.AgendaLink(4, "m", 7),
    cb.AgendaView("b", 7),
    cb.FollowUpVerdict(4, "smaller"),
    cb.FOLLOW_UP_DONE,
]


@pytest.mark.parametrize("data", EXAMPLES, ids=repr)
def test_every_button_round_trips_through_exactly_one_route(data: cb.ButtonData) -> None:
    text = data.encode()
    assert len(text.encode()) <= cb.MAX_BYTES
    assert len(cb.routes_for(text)) == 1, cb.routes_for(text)
    if isinstance(data, cb.Callback):
        assert type(data).decode(text) == data


@pytest.mark.parametrize(
    "data",
    [
        "metoo:" + "9" * 400,
        f"metoo:{cb.MAX_ID + 1}",
        "my:open:" + "9" * 30 + ":0",
        "my:open:1:99999999",
        "my:page:-1",
        "my:page:٣",  # an Arabic-Indic digit: str.isdigit() says yes, the codec says no
        "fb:impact:6",
        "fb:cat:../../x",
        "fb:cat:" + "a" * 40,
        "sub:hour:24",
        "ax:" + ":".join("a" * 8),
        "bill:follow:1:x",
        "bill:follow:1:d:d",
        "fu:a:" + "9" * 30 + ":gone",
        "ag:l:1:x:2",
        "ai:l:0:_:-:-:z",
        "",
        "x" * 65,
    ],
)
def test_hostile_data_matches_no_route(data: str) -> None:
    assert cb.routes_for(data) == ()


def test_building_a_button_outside_its_limits_fails_at_once() -> None:
    with pytest.raises(ValueError, match="outside"):
        cb.MyOpen(0, 0).encode()
    with pytest.raises(ValueError, match="64 bytes"):
        cb.ExportStep(tuple("a" * 30 for _ in range(3))).encode()
    with pytest.raises(ValueError, match="not a valid word"):
        cb.FbCategory("Ünïcode").encode()


def test_offer_tags_bind_user_and_submission() -> None:
    key = b"k" * 32
    tag = cb.offer_tag(key, 1, 2)
    assert len(tag) == cb.OFFER_TAG_LENGTH
    assert tag != cb.offer_tag(key, 2, 2)
    assert tag != cb.offer_tag(key, 1, 3)
    assert tag != cb.offer_tag(b"j" * 32, 1, 2)
