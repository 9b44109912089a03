"""A reply's place in its thread (`Reply.position`): 1, 2, ... in the order replies were posted."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.utils import timezone

from tests.factories import start_discussion
from workspaces.discussions.models import Reply

backfill = importlib.import_module("workspaces.discussions.migrations.0004_reply_position")


def test_replies_take_the_next_place_in_their_thread(team):
    discussion = start_discussion(team.workspace, team.member)
    other = start_discussion(team.workspace, team.member, title="Another")
    first = discussion.add_reply(author=team.rapporteur, body="one")
    other.add_reply(author=team.rapporteur, body="elsewhere")
    second = discussion.add_reply(author=team.member, body="two")
    second.hide(by=team.officer, reason="Off topic", workspace=team.workspace)
    third = discussion.add_reply(author=team.rapporteur, body="three")

    assert [first.position, second.position, third.position] == [1, 2, 3]
    assert other.replies.get().position == 1
    assert discussion.last_reply_position() == 3


def test_two_replies_never_share_a_place(team):
    discussion = start_discussion(team.workspace, team.member)
    taken = discussion.add_reply(author=team.rapporteur, body="first")
    with pytest.raises(IntegrityError), transaction.atomic():
        Reply.objects.create(
            discussion=discussion, author=team.member, body="again", position=taken.position
        )


def test_the_migration_numbers_existing_replies_in_the_order_they_were_posted(team):
    one = start_discussion(team.workspace, team.member, title="One")
    two = start_discussion(team.workspace, team.member, title="Two")
    start = timezone.now() - datetime.timedelta(days=2)
    # (discussion, minutes after start): rows written out of order, two of them at one moment,
    # and with stand-in places far from the ones the migration gives.
    written = [(one, 30), (two, 5), (one, 10), (one, 20), (two, 1), (one, 20)]
    rows = Reply.objects.bulk_create(
        Reply(
            discussion=discussion,
            author=team.rapporteur,
            body=f"{minutes}",
            created_at=start + datetime.timedelta(minutes=minutes),
            position=1000 + number,
        ).derive()
        for number, (discussion, minutes) in enumerate(written)
    )

    backfill.number_replies(apps, None)

    def places(discussion):
        return list(discussion.replies.order_by("position").values_list("pk", "position"))

    # Oldest first; of two at the same moment, the one written first.
    assert places(one) == [(rows[2].pk, 1), (rows[3].pk, 2), (rows[5].pk, 3), (rows[0].pk, 4)]
    assert places(two) == [(rows[4].pk, 1), (rows[1].pk, 2)]
