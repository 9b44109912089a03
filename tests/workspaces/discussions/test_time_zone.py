import datetime

import pytest

from tests.factories import add_replies, start_discussion

WHEN = datetime.datetime(2026, 3, 2, 10, 5, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    "zone, shown",
    [("Asia/Damascus", "13:05"), ("Europe/Zurich", "11:05"), ("UTC", "10:05")],
)
def test_signed_in_people_read_times_in_their_own_time_zone(team, login, zone, shown):
    discussion = start_discussion(team.workspace, team.officer)
    add_replies(discussion, team.other_member, 1, start=WHEN)
    team.member.time_zone = zone
    team.member.save()

    html = login(team.member).get(discussion.url).content.decode()

    assert f"2 March 2026 · {shown}" in html or f"2 آذار 2026 · {shown}" in html


def test_an_unknown_time_zone_falls_back_to_the_platform_default(team, login):
    discussion = start_discussion(team.workspace, team.officer)
    add_replies(discussion, team.other_member, 1, start=WHEN)
    team.member.time_zone = "Mars/Olympus"
    team.member.save(update_fields=["time_zone"])

    html = login(team.member).get(discussion.url).content.decode()

    assert "13:05" in html
