from django.urls import reverse
from wagtail.models import PageLogEntry
from wagtail.test.utils import WagtailPageTestCase

from tests.factories import make_user, make_workspace, start_discussion
from workspaces.discussions.models import DiscussionPage, Reply
from workspaces.models import Role, WorkspacePage


def new_url(workspace):
    return reverse("workspaces:discussions:new", args=[workspace.slug])


def reply_url(discussion):
    return reverse(
        "workspaces:discussions:reply_new", args=[discussion.get_parent().slug, discussion.pk]
    )


FORM = {
    "kind": "concern",
    "title": "حماية الشهود في المحاكمات",
    "body": "نص **المناقشة**",
    "tags": "شهود, محاكمات",
}


def test_a_member_starts_a_discussion_as_a_published_page_of_the_workspace(team, login):
    client = login(team.member)
    response = client.post(new_url(team.workspace), FORM)

    discussion = DiscussionPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == discussion.url
    assert discussion.get_parent().specific == team.workspace
    assert discussion.live and discussion.owner == team.member
    assert discussion.kind == "concern"
    assert sorted(discussion.tags.names()) == ["شهود", "محاكمات"]
    assert discussion.slug == "حماية-الشهود-في-المحاكمات"
    # It inherits the workspace's restriction and has Wagtail's history.
    assert discussion.get_view_restrictions().exists()
    assert discussion.revisions.count() == 1
    actions = set(PageLogEntry.objects.filter(page=discussion).values_list("action", flat=True))
    assert {"wagtail.create", "wagtail.publish"} <= actions

    page = client.get(discussion.url)
    assert page.status_code == 200
    assert "<strong>المناقشة</strong>" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_the_form_is_offered_only_to_those_who_can_post(team, login):
    assert login(team.member).get(new_url(team.workspace)).status_code == 200
    assert login(team.officer).get(new_url(team.workspace)).status_code == 403
    assert login(team.focal).get(new_url(team.workspace)).status_code == 403
    assert login(team.outsider).get(new_url(team.workspace)).status_code == 404


def test_officers_focal_points_and_outsiders_cannot_start_a_discussion(team, login):
    assert login(team.officer).post(new_url(team.workspace), FORM).status_code == 403
    assert login(team.focal).post(new_url(team.workspace), FORM).status_code == 403
    assert login(team.outsider).post(new_url(team.workspace), FORM).status_code == 404
    assert not DiscussionPage.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(team, client):
    discussion = start_discussion(team.workspace, team.member)
    for response in (client.get(discussion.url), client.post(reply_url(discussion), {"body": "x"})):
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


def test_slugs_are_unique_and_never_shadow_a_named_route(team):
    first = start_discussion(team.workspace, team.member, title="Budget")
    second = start_discussion(team.workspace, team.member, title="Budget")
    members = start_discussion(team.workspace, team.member, title="Members")
    search = start_discussion(team.workspace, team.member, title="Search")
    assert (first.slug, second.slug) == ("budget", "budget-2")
    assert members.slug == "members-2" and search.slug == "search-2"


def test_a_member_replies_and_the_thread_shows_it(team, login):
    discussion = start_discussion(team.workspace, team.member)
    client = login(team.rapporteur)
    response = client.post(reply_url(discussion), {"body": "رد المقررة"})

    reply = Reply.objects.get()
    assert response["Location"] == f"{discussion.url}#reply-{reply.pk}"
    assert reply.author == team.rapporteur
    discussion.refresh_from_db()
    assert discussion.reply_count == 1
    assert discussion.last_activity_at == reply.created_at
    assert "رد المقررة" in client.get(discussion.url).content.decode()


def test_an_empty_reply_is_refused_with_the_form_again(team, login):
    discussion = start_discussion(team.workspace, team.member)
    response = login(team.member).post(reply_url(discussion), {"body": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Reply.objects.exists()


def test_the_officer_reads_but_has_no_reply_form_and_cannot_reply(team, login):
    discussion = start_discussion(team.workspace, team.member)
    client = login(team.officer)
    page = client.get(discussion.url).content.decode()
    assert "Opening text" in page
    assert reply_url(discussion) not in page
    assert client.post(reply_url(discussion), {"body": "x"}).status_code == 403
    assert not Reply.objects.exists()


def test_a_member_of_another_group_gets_404_everywhere(team, login):
    discussion = start_discussion(team.workspace, team.member)
    client = login(team.outsider)
    assert client.get(discussion.url).status_code == 404
    assert client.post(reply_url(discussion), {"body": "x"}).status_code == 404
    assert client.get(reverse("workspaces:discussions:list", args=["alpha"])).status_code == 404
    assert not Reply.objects.exists()


def test_a_discussion_is_not_reachable_through_another_workspace(team, login):
    discussion = start_discussion(team.workspace, team.member)
    client = login(team.outsider)
    url = reverse("workspaces:discussions:reply_new", args=["beta", discussion.pk])
    assert client.post(url, {"body": "x"}).status_code == 404
    assert client.get(f"/ar/workspaces/beta/{discussion.slug}/").status_code == 404


def test_the_focal_point_replies_only_where_invited(team, login):
    closed_to_them = start_discussion(team.workspace, team.member, title="Internal")
    invited = start_discussion(
        team.workspace, team.member, title="Open to the office", focal_point_invited=True
    )
    client = login(team.focal)
    assert client.post(reply_url(closed_to_them), {"body": "x"}).status_code == 403
    assert reply_url(invited) in client.get(invited.url).content.decode()
    assert client.post(reply_url(invited), {"body": "رد مكتب المبعوث"}).status_code == 302
    assert list(Reply.objects.values_list("discussion_id", flat=True)) == [invited.pk]


def test_a_closed_workspace_reads_but_takes_no_posts(team, login):
    discussion = start_discussion(team.workspace, team.member)
    WorkspacePage.objects.filter(pk=team.workspace.pk).update(status=WorkspacePage.Status.CLOSED)
    client = login(team.member)
    home = client.get(team.workspace.url).content.decode()
    thread = client.get(discussion.url).content.decode()

    assert "Opening text" in thread
    assert new_url(team.workspace) not in home
    assert reply_url(discussion) not in thread
    assert client.get(new_url(team.workspace)).status_code == 403
    assert client.post(new_url(team.workspace), FORM).status_code == 403
    assert client.post(reply_url(discussion), {"body": "x"}).status_code == 403


def test_the_start_button_is_shown_only_to_those_who_can_post(team, login):
    assert new_url(team.workspace) in login(team.member).get(team.workspace.url).content.decode()
    officer_home = login(team.officer, fresh=True).get(team.workspace.url).content.decode()
    assert new_url(team.workspace) not in officer_home


class DiscussionPageTreeTests(WagtailPageTestCase):
    def test_discussions_live_only_below_workspaces(self):
        self.assertAllowedParentPageTypes(DiscussionPage, {WorkspacePage})
        self.assertAllowedSubpageTypes(DiscussionPage, {})
        self.assertCanCreateAt(WorkspacePage, DiscussionPage)


def test_members_of_an_admitted_group_post_in_the_shared_space(db, login):
    person = make_user("legal")
    group = make_workspace("legal", members={person: Role.MEMBER})
    shared = make_workspace("shared", kind=WorkspacePage.Kind.SHARED, admits=[group])
    response = login(person).post(new_url(shared), FORM)
    assert response.status_code == 302
    assert DiscussionPage.objects.get().get_parent().specific == shared


def test_the_tags_field_suggests_this_workspaces_tags_only(client, db):
    member = make_user("member")
    legal = make_workspace("legal", members={member: Role.MEMBER})
    other = make_workspace("other", members={member: Role.MEMBER})
    start_discussion(legal, member, tags=["دستور", "انتخابات"])
    start_discussion(other, member, tags=["سري للغاية"])
    client.force_login(member)
    html = client.get("/ar/workspaces/legal/discussions/new/").content.decode()
    assert 'list="tag-suggestions"' in html
    assert '<option value="انتخابات"><option value="دستور">' in html
    assert "سري للغاية" not in html
