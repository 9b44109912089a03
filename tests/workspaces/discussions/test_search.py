import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import add_replies, make_workspace, start_discussion


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


def search_page(client, workspace, query, page=None):
    params = {"q": query, **({"page": page} if page is not None else {})}
    response = client.get(reverse("workspaces:search:list", args=[workspace.slug]), params)
    assert response.status_code == 200
    return response


def test_reply_results_page_newest_first_without_a_total(team, login):
    discussion = start_discussion(team.workspace, team.member)
    add_replies(discussion, team.rapporteur, 45)
    client = login(team.member)

    def numbers(response):
        return [int(reply.body.split()[-1]) for reply in response.context["replies"]]

    first = search_page(client, team.workspace, "number")
    assert numbers(first) == list(range(44, 24, -1))
    assert 'rel="next"' in first.content.decode() and 'rel="prev"' not in first.content.decode()
    second = search_page(client, team.workspace, "number", 2)
    assert numbers(second) == list(range(24, 4, -1))
    assert 'rel="next"' in second.content.decode() and 'rel="prev"' in second.content.decode()
    last = search_page(client, team.workspace, "number", 3)
    assert numbers(last) == list(range(4, -1, -1))
    assert 'rel="next"' not in last.content.decode() and 'rel="prev"' in last.content.decode()
    # No total to find the last page by: past the results, or not a number, is the first page.
    for wrong in ("99", "abc", "0", "-2", "9" * 30):
        assert search_page(client, team.workspace, "number", wrong).context["replies"].number == 1


def test_a_full_last_page_of_results_offers_no_older_page(team, login):
    discussion = start_discussion(team.workspace, team.member)
    add_replies(discussion, team.rapporteur, 40)
    second = search_page(login(team.member), team.workspace, "number", 2)
    assert len(second.context["replies"]) == 20
    assert not second.context["replies"].has_next()
    assert 'rel="next"' not in second.content.decode()


def test_the_search_counts_no_replies(team, login):
    discussion = start_discussion(team.workspace, team.member)
    add_replies(discussion, team.rapporteur, 25)
    client = login(team.member)
    with CaptureQueriesContext(connection) as captured:
        search_page(client, team.workspace, "number", 2)
    about_replies = [q["sql"] for q in captured if 'FROM "discussions_reply"' in q["sql"]]
    assert len(about_replies) == 1
    assert "COUNT(" not in about_replies[0].upper()
