import pytest
from django.urls import reverse

from tests.factories import make_workspace, start_discussion


def found(client, workspace, query, everywhere=False):
    params = {"q": query, **({"everywhere": "on"} if everywhere else {})}
    response = client.get(reverse("workspaces:search:list", args=[workspace.slug]), params)
    assert response.status_code == 200
    discussions = [d.title for d in response.context.get("discussions", [])]
    replies = [r.body for r in response.context.get("replies", [])]
    return discussions, replies


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("اجتمعنا مع أَحْمَد اليوم", "احمد"),
        ("اجتمعنا مع أحمد اليوم", "أحمد"),
        ("وضع مدرسة الحي", "مدرسه"),
        ("وضع مدرسه الحي", "مدرسة"),
        ("الاجتماع رقم ١٢٣", "123"),
        ("التحضير لـــلاجتماع", "للاجتماع"),
        ("مستشفى المدينة", "مستشفي"),
        ("Meeting in Geneva", "geneva"),
    ],
)
def test_search_folds_arabic_spellings_in_discussions_and_replies(team, login, written, typed):
    discussion = start_discussion(team.workspace, team.member, title="عنوان", body=written)
    discussion.add_reply(author=team.rapporteur, body=f"رد: {written}")
    discussions, replies = found(login(team.member), team.workspace, typed)
    assert discussions == ["عنوان"]
    assert replies == [f"رد: {written}"]


def test_every_query_word_must_match(team, login):
    start_discussion(team.workspace, team.member, title="Courts", body="independence of courts")
    start_discussion(team.workspace, team.member, title="Budget", body="independence of budget")
    client = login(team.member)
    assert found(client, team.workspace, "independence courts")[0] == ["Courts"]
    assert found(client, team.workspace, "independence")[0] == ["Budget", "Courts"]


def test_search_never_returns_another_groups_posts(team, login):
    start_discussion(team.elsewhere, team.outsider, title="Beta plans", body="سرّي للغاية")
    start_discussion(team.workspace, team.member, title="Alpha plans", body="سري للغاية")
    client = login(team.member)
    assert found(client, team.workspace, "سري")[0] == ["Alpha plans"]
    assert found(client, team.workspace, "سري", everywhere=True)[0] == ["Alpha plans"]
    assert found(login(team.outsider, fresh=True), team.elsewhere, "سري", everywhere=True)[0] == [
        "Beta plans"
    ]


def test_search_everywhere_covers_every_workspace_of_the_user(team, login):
    shared = make_workspace("shared", kind="shared", admits=[team.workspace])
    start_discussion(shared, team.member, title="Shared plans", body="خطة مشتركة")
    start_discussion(team.workspace, team.member, title="Group plans", body="خطة المجموعة")
    client = login(team.member)
    assert found(client, team.workspace, "خطة")[0] == ["Group plans"]
    assert sorted(found(client, team.workspace, "خطة", everywhere=True)[0]) == [
        "Group plans",
        "Shared plans",
    ]


def test_hidden_posts_are_found_only_by_their_author_and_moderators(team, login):
    discussion = start_discussion(team.workspace, team.member, title="Open", body="مفتاح")
    reply = discussion.add_reply(author=team.rapporteur, body="مفتاح مخفي")
    reply.hide(by=team.officer, reason="Personal details", workspace=team.workspace)

    assert found(login(team.other_member), team.workspace, "مفتاح")[1] == []
    assert found(login(team.rapporteur, fresh=True), team.workspace, "مفتاح")[1] == ["مفتاح مخفي"]
    assert found(login(team.officer, fresh=True), team.workspace, "مفتاح")[1] == ["مفتاح مخفي"]
    assert found(login(team.staff, fresh=True), team.workspace, "مفتاح")[1] == ["مفتاح مخفي"]


def test_someone_from_another_group_finds_nothing_even_everywhere(team, login):
    start_discussion(team.workspace, team.member, title="Plans", body="خطة")
    client = login(team.outsider)
    search = reverse("workspaces:search:list", args=["alpha"])
    assert client.get(search, {"q": "خطة"}).status_code == 404
    assert found(client, team.elsewhere, "خطة", everywhere=True) == ([], [])
