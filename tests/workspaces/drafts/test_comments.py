"""Comments on a passage of a draft: posted, answered, resolved and reopened."""

from django.urls import reverse

from workspaces.drafts.models import DraftComment


def urls(draft):
    args = [draft.workspace.slug, draft.pk]
    return (
        reverse("workspaces:drafts:comment", args=args),
        reverse("workspaces:drafts:resolve", args=args),
    )


def test_a_comment_quotes_its_passage_beside_the_text(world):
    draft = world.draft("constitutional-principles")
    comment_url, _resolve = urls(draft)
    client = world.client("member_legal")
    response = client.post(
        comment_url,
        {"passage": "والفصل بين السلطات", "body": "نقترح ذكر <b>التوازن</b> بين السلطات."},
    )
    comment = DraftComment.objects.get(body__startswith="نقترح ذكر")
    assert response.status_code == 302
    assert response["Location"] == f"{draft.url}#comment-{comment.pk}"
    assert comment.author == world.users["member_legal"]
    html = client.get(draft.url).content.decode()
    assert (
        '<blockquote class="draft-comment__passage" dir="rtl">والفصل بين السلطات</blockquote>'
        in html
    )
    assert "نقترح ذكر &lt;b&gt;التوازن&lt;/b&gt; بين السلطات." in html
    # The passage is still in the text, so no note says otherwise.
    thread = html[html.index(f'id="comment-{comment.pk}"') :]
    assert "This passage is no longer in the text." not in thread[: thread.index("</article>")]


def test_answers_and_resolving(world):
    draft = world.draft("constitutional-principles")
    comment_url, resolve_url = urls(draft)
    thread = draft.comments.get(parent=None)
    client = world.client("rapporteur_legal")
    assert (
        client.post(comment_url, {"parent": thread.pk, "body": "أضفتُ الفقرة."}).status_code == 302
    )
    assert thread.answers.filter(body="أضفتُ الفقرة.").exists()

    assert client.post(resolve_url, {"comment": thread.pk}).status_code == 302
    thread.refresh_from_db()
    assert thread.is_resolved
    assert thread.resolved_by == world.users["rapporteur_legal"]
    html = client.get(draft.url).content.decode()
    assert (
        f'<details class="draft-comment draft-comment--resolved" id="comment-{thread.pk}">' in html
    )

    client.post(resolve_url, {"comment": thread.pk, "reopen": "1"})
    thread.refresh_from_db()
    assert not thread.is_resolved


def test_an_answer_to_an_answer_or_to_another_draft_is_refused(world):
    draft = world.draft("constitutional-principles")
    other = world.draft("briefing-note")
    comment_url, resolve_url = urls(draft)
    client = world.client("member_legal")
    thread = draft.comments.get(parent=None)
    answer = thread.answers.first()
    foreign = other.comments.create(author=world.users["member_legal"], body="تعليق آخر")
    for parent in (answer, foreign):
        response = client.post(comment_url, {"parent": parent.pk, "body": "رد"})
        assert response.status_code == 400
    assert not DraftComment.objects.filter(body="رد").exists()
    assert client.post(resolve_url, {"comment": foreign.pk}).status_code == 404


def test_an_empty_comment_shows_the_draft_again_with_the_error(world):
    draft = world.draft("constitutional-principles")
    comment_url, _resolve = urls(draft)
    response = world.client("member_legal").post(comment_url, {"passage": "نص", "body": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="field__errors"' in html
    assert draft.title in html


def test_officers_and_focal_points_read_comments_but_do_not_post(world):
    draft = world.draft("constitutional-principles")
    comment_url, resolve_url = urls(draft)
    thread = draft.comments.get(parent=None)
    for username in ("officer_legal", "focal_legal"):
        client = world.client(username)
        html = client.get(draft.url).content.decode()
        assert thread.body in html
        assert comment_url not in html
        assert client.post(comment_url, {"body": "x"}).status_code == 403
        assert client.post(resolve_url, {"comment": thread.pk}).status_code == 403
