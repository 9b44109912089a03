"""`seed_bulk` at a tiny size on top of the demo world: what it adds, kept consistent, and private.

The benchmark's figures are only worth what this world is: rows a member's requests could have
made (counts and tree exactly as Wagtail keeps them), behind the same access rule.
"""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Max, Q
from wagtail.models import Page

from accounts.models import User
from demo.bulk import LONG_THREAD_WORKSPACE, WORKSPACE_SLUG_PREFIX
from workspaces.discussions.models import DiscussionPage, Reply
from workspaces.markup import POSTS
from workspaces.models import WorkspacePage

SIZES = {"workspaces": 2, "discussions": 10, "replies": 50, "long_thread": 25}


def seed_bulk(**sizes):
    out = io.StringIO()
    call_command("seed_bulk", force=True, stdout=out, **sizes)
    return out.getvalue()


def counts():
    return {
        "workspaces": WorkspacePage.objects.count(),
        "discussions": DiscussionPage.objects.count(),
        "replies": Reply.objects.count(),
    }


@pytest.fixture
def before(world):
    found = counts()
    seed_bulk(**SIZES)
    return found


def test_adds_exactly_the_sizes_asked(before):
    after = counts()
    assert {what: after[what] - before[what] for what in after} == {
        "workspaces": SIZES["workspaces"],
        "discussions": SIZES["discussions"],
        "replies": SIZES["replies"],
    }
    home = WorkspacePage.objects.get(slug=LONG_THREAD_WORKSPACE)
    longest = DiscussionPage.objects.in_workspace(home).order_by("-reply_count").first()
    assert longest.replies.count() == SIZES["long_thread"]
    generated = WorkspacePage.objects.filter(slug__startswith=WORKSPACE_SLUG_PREFIX)
    assert generated.count() == SIZES["workspaces"]
    for workspace in generated:
        assert workspace.access_drift() == []


def test_denormalised_fields_match_the_rows(before):
    discussions = DiscussionPage.objects.annotate(
        visible=Count("replies", filter=Q(replies__hidden=False)),
        latest=Max("replies__created_at", filter=Q(replies__hidden=False)),
    )
    for discussion in discussions:
        assert discussion.reply_count == discussion.visible, discussion.url_path
        expected = max(filter(None, [discussion.latest, discussion.first_published_at]))
        assert discussion.last_activity_at == expected, discussion.url_path
    # What refresh_activity computes from the rows leaves every generated discussion as it is.
    for discussion in DiscussionPage.objects.filter(url_path__contains=WORKSPACE_SLUG_PREFIX):
        stored = (discussion.reply_count, discussion.last_activity_at)
        discussion.refresh_activity()
        assert (discussion.reply_count, discussion.last_activity_at) == stored
        # Stored as saving them would: the thread's workspace, the safe HTML of the text, and
        # the places in the thread in the order the replies were posted.
        assert discussion.body_html == POSTS.render(discussion.body)
        replies = list(discussion.replies.all())
        for reply in replies:
            assert reply.workspace_id == discussion.get_parent().pk
            assert reply.body_html == POSTS.render(reply.body)
        assert [reply.position for reply in replies] == list(range(1, len(replies) + 1))


def test_the_page_tree_is_one_treebeard_would_build(before):
    assert all(problems == [] for problems in Page.find_problems())
    for discussion in DiscussionPage.objects.filter(url_path__contains=WORKSPACE_SLUG_PREFIX):
        parent = discussion.get_parent()
        assert discussion.url_path == f"{parent.url_path}{discussion.slug}/"
        assert discussion.live and discussion.live_revision_id == discussion.latest_revision_id
    call_command("check")


def test_a_member_reads_a_generated_thread_and_an_outsider_gets_404(before, world):
    discussion = (
        DiscussionPage.objects.filter(url_path__startswith=f"/workspaces/{WORKSPACE_SLUG_PREFIX}")
        .order_by("-reply_count")
        .first()
    )
    response = world.client("member_legal").get(discussion.url)
    assert response.status_code == 200
    assert discussion.title in response.content.decode()
    assert world.client("outsider").get(discussion.url).status_code == 404
    assert world.client("member_electoral").get(discussion.url).status_code == 404


def test_a_second_run_is_refused(before):
    with pytest.raises(CommandError, match="already"):
        seed_bulk(**SIZES)
    assert User.objects.filter(username__startswith="participant_").exists()
