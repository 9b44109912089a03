"""Files sent in chat (issue 14, item 3): uploaded from the composer through the library's
checks, they join the library and show under the message, to whoever reads the conversation."""

import pytest
from django.test import Client
from django.urls import reverse

from demo.samples import arabic_pdf
from tests.factories import upload
from workspaces.chat.models import Conversation, Message
from workspaces.files.models import WorkspaceFile


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"


def client_of(user):
    client = Client()
    client.force_login(user)
    return client


def chat_url(name, conversation):
    return reverse(f"workspaces:chat:{name}", args=["alpha", conversation.pk])


def pdf(name="محضر الاجتماع.pdf"):
    return upload(name, arabic_pdf(["محضر الاجتماع"]), "application/pdf")


def upload_pending(client):
    """What the composer does as soon as a file is chosen."""
    response = client.post(
        reverse("workspaces:files:new", args=["alpha"]),
        {"files": [pdf()], "pending": "1"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 201, response.content
    return response.json()["files"][0]["id"]


def test_a_file_sent_in_a_message_joins_the_library_and_shows_under_it(team):
    sender = client_of(team.member)
    pending = upload_pending(sender)
    sent = sender.post(
        chat_url("send", team.room),
        {"body": "المحضر مرفق", "attachments": [pending], "client_id": "abc"},
        headers={"Accept": "application/json"},
    )
    assert sent.status_code == 201
    message = Message.objects.get(pk=sent.json()["id"])
    file = WorkspaceFile.objects.get(pk=pending)
    assert list(message.files.all()) == [file] and file.in_library

    reader = client_of(team.other_member)
    page = reader.get(chat_url("conversation", team.room)).content.decode()
    assert file.get_absolute_url() in page and "محضر الاجتماع" in page
    library = reader.get(reverse("workspaces:files:list", args=["alpha"])).content.decode()
    assert file.get_absolute_url() in library
    assert reader.get(file.versions.get().get_download_url()).status_code == 200
    assert client_of(team.outsider).get(file.get_absolute_url()).status_code == 404

    # Sent again after a lost answer: the same message, not an error about its files.
    again = sender.post(
        chat_url("send", team.room),
        {"body": "المحضر مرفق", "attachments": [pending], "client_id": "abc"},
        headers={"Accept": "application/json"},
    )
    assert again.status_code == 201 and again.json()["id"] == message.pk
    assert Message.objects.count() == 1


def test_without_javascript_the_files_go_with_the_form_and_a_file_alone_is_a_message(team):
    sender = client_of(team.member)
    response = sender.post(chat_url("send", team.room), {"body": "", "attach": [pdf()]})
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.body == "" and message.files.get().title == "محضر الاجتماع"


def test_a_refused_file_says_why_and_keeps_the_text(team):
    sender = client_of(team.member)
    refused = upload("تقرير.exe", b"MZ\x90\x00 not a document", "application/octet-stream")
    response = sender.post(chat_url("send", team.room), {"body": "نص لا يضيع", "attach": [refused]})
    assert response.status_code == 400
    page = response.content.decode()
    assert "نص لا يضيع" in page and "تقرير.exe" in page
    assert not Message.objects.exists() and not WorkspaceFile.objects.exists()
    # Nothing at all is not a message either.
    assert sender.post(chat_url("send", team.room), {"body": " "}).status_code == 400


def test_files_sent_one_to_one_are_seen_in_the_conversation_by_its_two_people_only(team):
    direct = Conversation.start(team.workspace, team.member, [team.rapporteur])
    sender = client_of(team.member)
    pending = upload_pending(sender)
    sender.post(chat_url("send", direct), {"body": "لك", "attachments": [pending]})
    file = WorkspaceFile.objects.get(pk=pending)
    assert file.get_absolute_url() in (
        client_of(team.rapporteur).get(chat_url("conversation", direct)).content.decode()
    )
    assert client_of(team.other_member).get(chat_url("conversation", direct)).status_code == 404


def test_someone_else_s_pending_file_cannot_be_sent(team):
    pending = upload_pending(client_of(team.other_member))
    response = client_of(team.member).post(
        chat_url("send", team.room), {"body": "ملف غيري", "attachments": [pending]}
    )
    assert response.status_code == 400
    assert not Message.objects.exists()
    assert not WorkspaceFile.objects.get(pk=pending).in_library


def test_a_file_of_the_library_is_sent_from_the_conversation_s_library_page(team):
    from tests.factories import store_file

    minutes = store_file(team.workspace, team.other_member, "محضر-الجلسة.pdf", title="محضر الجلسة")
    store_file(team.workspace, team.other_member, "صورة.jpg", title="صورة الاجتماع")
    sender = client_of(team.member)
    page = sender.get(chat_url("conversation", team.room)).content.decode()
    assert chat_url("library", team.room) in page
    listed = sender.get(chat_url("library", team.room), {"q": "محضر"}).content.decode()
    assert "محضر الجلسة" in listed and "صورة الاجتماع" not in listed
    response = sender.post(chat_url("send", team.room), {"shared": minutes.pk})
    assert response.status_code == 302
    assert list(Message.objects.get().files.all()) == [minutes]
    # Shared, not moved: the file stays where it was in the library, as it was.
    minutes.refresh_from_db()
    assert minutes.in_library and minutes.uploaded_by == team.other_member


def test_only_files_of_this_workspace_s_library_can_be_shared(team):
    from tests.factories import store_file

    elsewhere = store_file(team.elsewhere, team.outsider, "سر.pdf")
    pending = store_file(team.workspace, team.other_member, "مسودة.pdf", in_library=False)
    sender = client_of(team.member)
    for file in (elsewhere, pending):
        response = sender.post(chat_url("send", team.room), {"shared": file.pk})
        assert response.status_code == 400
    assert not Message.objects.exists()
    # Officers read the room but post no files: the page is not theirs.
    assert client_of(team.officer).get(chat_url("library", team.room)).status_code == 403
