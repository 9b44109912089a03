"""Files attached while writing a post (`workspaces.attachments`): uploaded first as pending,
then filed under the discussion or reply they were sent with, in the library like any file."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from demo.samples import arabic_pdf
from workspaces.discussions.models import DiscussionPage, Reply
from workspaces.files.models import WorkspaceFile

SLUG = "legal-constitutional"


def url(name, *args, language="ar"):
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=[SLUG, *args])


def pdf(name="ورقة.pdf"):
    return SimpleUploadedFile(name, arabic_pdf(["ورقة مرفقة"]), content_type="application/pdf")


@pytest.fixture
def member(client, world):
    client.force_login(world["users"]["member_legal"])
    return client


def upload_pending(client, upload=None):
    """What the composer does when a file is chosen: its id comes back, nothing is listed."""
    response = client.post(
        url("workspaces:files:new"),
        {"files": [upload or pdf()], "pending": "1"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 201, response.content
    return response.json()["files"][0]


def test_a_file_uploaded_while_writing_waits_unseen_until_the_post_is_sent(member, legal):
    pending = upload_pending(member)
    assert pending["url"] is None and pending["size"]
    file = WorkspaceFile.objects.get(pk=pending["id"])
    assert "ورقة" not in member.get(url("workspaces:files:list")).content.decode()
    search = member.get(url("workspaces:search:list"), {"q": "ورقة"}).content.decode()
    assert reverse("workspaces:files:detail", args=[SLUG, file.pk]) not in search
    # Not even its uploader reaches it by address before it is posted.
    assert member.get(file.get_absolute_url()).status_code == 404
    assert member.get(url("workspaces:files:download", file.pk, 1)).status_code == 404


def test_a_reply_takes_its_pending_files_into_the_library_under_it(member, legal, start_discussion):
    discussion = start_discussion(legal)
    pending = upload_pending(member)
    response = member.post(
        url("workspaces:discussions:reply_new", discussion.pk),
        {"body": "التقرير في المرفق https://example.org/report", "attachments": [pending["id"]]},
    )
    reply = Reply.objects.get(discussion=discussion)
    assert response.status_code == 302
    file = WorkspaceFile.objects.get(pk=pending["id"])
    assert file.in_library and file.attached_to_id == discussion.pk and file.reply_id == reply.pk
    assert file.attached_url == reverse("workspaces:discussions:reply", args=[SLUG, reply.pk])
    thread = member.get(discussion.url).content.decode()
    reply_html = thread[thread.index(f'id="reply-{reply.pk}"') :]
    assert file.get_absolute_url() in reply_html
    assert 'href="https://example.org/report"' in reply_html
    assert "ورقة" in member.get(url("workspaces:files:list")).content.decode()
    search = member.get(url("workspaces:search:list"), {"q": "ورقة"}).content.decode()
    assert file.get_absolute_url() in search


def test_a_new_discussion_carries_its_pending_files(member, legal):
    pending = upload_pending(member)
    member.post(
        url("workspaces:discussions:new"),
        {
            "kind": "discussion",
            "title": "ملاحظات",
            "body": "انظروا المرفق",
            "attachments": pending["id"],
        },
    )
    discussion = DiscussionPage.objects.get(title="ملاحظات")
    file = WorkspaceFile.objects.get(pk=pending["id"])
    assert file.attached_to_id == discussion.pk and file.reply_id is None and file.in_library
    assert file.get_absolute_url() in member.get(discussion.url).content.decode()


def test_files_sent_with_the_form_itself_are_attached_without_javascript(
    member, legal, start_discussion
):
    discussion = start_discussion(legal)
    member.post(
        url("workspaces:discussions:reply_new", discussion.pk),
        {"body": "مرفق دون سكربت", "attach": [pdf("بلا-سكربت.pdf")]},
    )
    file = WorkspaceFile.objects.get()
    assert file.title == "بلا-سكربت" and file.reply_id == Reply.objects.get().pk


def test_a_refused_file_says_why_in_arabic_and_keeps_the_text(
    member, legal, start_discussion, stored_files
):
    discussion = start_discussion(legal)
    page = SimpleUploadedFile("page.html", b"<!DOCTYPE html><html></html>")
    response = member.post(
        url("workspaces:discussions:reply_new", discussion.pk),
        {"body": "نص طويل كتبته بعناية", "attach": [page]},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "نص طويل كتبته بعناية" in html and "page.html" in html
    assert 'lang="ar"' in html and "not a type" not in html
    assert not Reply.objects.exists() and stored_files() == []


def test_nobody_sends_another_members_pending_file(client, world, legal, start_discussion):
    discussion = start_discussion(legal)
    client.force_login(world["users"]["member_legal"])
    pending = upload_pending(client)
    client.force_login(world["users"]["rapporteur_legal"])
    response = client.post(
        url("workspaces:discussions:reply_new", discussion.pk, language="en"),
        {"body": "I take it", "attachments": [pending["id"]]},
    )
    html = response.content.decode()
    assert "no longer waiting to be sent" in html and "I take it" in html
    assert not Reply.objects.exists()
    assert not WorkspaceFile.objects.get(pk=pending["id"]).in_library


def test_files_never_sent_are_removed_when_their_uploader_next_posts(
    member, legal, start_discussion, stored_files, django_capture_on_commit_callbacks
):
    discussion = start_discussion(legal)
    forgotten = upload_pending(member)
    WorkspaceFile.objects.filter(pk=forgotten["id"]).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    fresh = upload_pending(member)
    with django_capture_on_commit_callbacks(execute=True):
        member.post(
            url("workspaces:discussions:reply_new", discussion.pk),
            {"body": "هذا وحده", "attachments": [fresh["id"]]},
        )
    assert list(WorkspaceFile.objects.values_list("pk", flat=True)) == [fresh["id"]]
    assert len(stored_files()) == 3  # the PDF and its two previews


def test_a_thread_page_costs_the_same_queries_with_attachments_on_every_reply(
    member, world, legal, start_discussion, make_file
):
    discussion = start_discussion(legal)
    author = world["users"]["member_legal"]
    replies = [discussion.add_reply(author=author, body=f"رد {index}") for index in range(3)]
    for _warm_up in range(2):
        member.get(discussion.url)
    with CaptureQueriesContext(connection) as few:
        member.get(discussion.url)
    for reply in replies:
        make_file(legal, "photo.jpg", attached_to=discussion, reply=reply)
        make_file(legal, "paper.pdf", attached_to=discussion, reply=reply)
    with CaptureQueriesContext(connection) as many:
        page = member.get(discussion.url).content.decode()
    assert page.count('class="attachments__documents"') == 3
    # The files and their versions and previews: three queries however many files there are.
    assert len(many) <= len(few) + 2
