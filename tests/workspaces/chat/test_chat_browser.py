"""Chat on a 360 px phone in Arabic, in Chromium (issue 14, items 2 and 5): a message written
while offline waits in the page and arrives once when the connection is back.

Pages on the browser suite's live server fetch rather than listen (it answers no WebSockets);
those opened at `live_updates` are served by Daphne with their sockets, as `make run` serves
them (tests/browser/fixtures.py)."""

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def test_a_message_typed_offline_is_sent_once_when_the_connection_is_back(
    workspaces_world, page, sign_in, screenshots, traffic
):
    from workspaces.chat.models import Conversation, Message
    from workspaces.models import WorkspacePage

    room = Conversation.room_of(WorkspacePage.objects.get(slug="legal-constitutional"))
    page.set_viewport_size(PHONE)
    sign_in("member_legal")
    page.goto(f"/ar/workspaces/legal-constitutional/chat/{room.pk}/")
    field = page.get_by_label("الرسالة")

    # "@" suggests who reads the room; Enter then chooses, it does not send.
    field.click()
    page.keyboard.type("@هالة")
    expect(page.get_by_role("option").first).to_contain_text("هالة منصور")
    page.keyboard.press("Enter")
    assert field.input_value() == "@rapporteur_legal "
    page.keyboard.type("سأرسل الملاحظات على المسودة مساء اليوم.")
    # Mostly Arabic, so laid out right to left, although it starts with a Latin username.
    assert field.get_attribute("dir") == "rtl"
    page.screenshot(path=screenshots / "chat-mention-ar.png")
    field.press("Enter")  # Enter sends, as in messaging apps
    own = page.locator(".chat-message--own[data-id]", has_text="سأرسل الملاحظات")
    expect(own).to_have_count(1)
    assert field.input_value() == ""

    page.context.set_offline(True)
    field.fill("كتبتُ هذه دون اتصال")
    field.press("Shift+Enter")
    field.type("وهذا سطرها الثاني")
    field.press("Enter")
    waiting = page.locator(".chat-message--pending")
    expect(waiting).to_contain_text("بانتظار الإرسال")
    expect(page.locator("[data-chat-status]")).to_contain_text("غير متصل")
    page.screenshot(path=screenshots / "chat-offline-ar.png")

    page.context.set_offline(False)
    arrived = page.locator(".chat-message[data-id]", has_text="كتبتُ هذه دون اتصال")
    expect(arrived).to_have_count(1, timeout=15_000)
    expect(waiting).to_have_count(0)
    sent = Message.objects.filter(body="كتبتُ هذه دون اتصال\nوهذا سطرها الثاني")
    assert sent.count() == 1

    # "Reply" under a message answers it from the composer, quoted above the answer.
    own.get_by_role("link", name="الرد").click()
    expect(page.locator("[data-chat-answering]")).to_contain_text("سأرسل الملاحظات")
    field.fill("تذكير: الموعد مساء اليوم")
    field.press("Enter")
    answer = page.locator(".chat-message[data-id]", has_text="تذكير: الموعد")
    expect(answer.locator(".chat-message__quote")).to_contain_text("سأرسل الملاحظات")
    expect(page.locator("[data-chat-answering]")).to_be_hidden()
    page.screenshot(path=screenshots / "chat-room-ar.png")
    # Failed requests while offline are expected; nothing else went wrong on the page.
    assert [error for error in traffic.errors if "ERR_INTERNET_DISCONNECTED" not in error] == []


def test_two_members_chat_live_in_arabic(
    workspaces_world, live_updates, open_tab, sign_in, screenshots, traffic
):
    """Two members on their phones in the room, served with WebSockets: what one sends appears
    on the other's page without a reload, and a message written offline arrives there once."""
    from demo.samples import arabic_pdf
    from workspaces.chat.models import Conversation
    from workspaces.models import WorkspacePage

    room = Conversation.room_of(WorkspacePage.objects.get(slug="legal-constitutional"))
    address = f"/ar/workspaces/legal-constitutional/chat/{room.pk}/"
    writer, reader = open_tab(live_updates, PHONE), open_tab(live_updates, PHONE)
    told = []  # what the reader's page says over its socket: only how far it has read
    reader.on("websocket", lambda socket: socket.on("framesent", lambda sent: told.append(sent)))
    for tab, username in ((writer, "member_legal"), (reader, "rapporteur_legal")):
        sign_in(username, tab=tab)
        # Connected: the page loaded its socket and has nothing waiting.
        with tab.expect_websocket(lambda socket: socket.url.endswith(f"/chat/{room.pk}/")):
            tab.goto(address)
    writer_field, reader_field = writer.get_by_label("الرسالة"), reader.get_by_label("الرسالة")

    writer_field.fill("هل راجع أحدكم الفقرة الثالثة من مسودة الإحالة؟")
    writer_field.press("Enter")
    arrived = reader.locator(".chat-message[data-id]", has_text="الفقرة الثالثة")
    expect(arrived).to_have_count(1)
    expect(arrived).not_to_have_class("chat-message--own")
    # What the page offers under a message arrived live is what it offers after a reload.
    expect(arrived.get_by_role("link", name="الرد")).to_be_visible()
    expect(arrived.get_by_role("link", name="إبلاغ")).to_be_visible()
    own = writer.locator(".chat-message[data-id]", has_text="الفقرة الثالثة")
    expect(own.get_by_role("link", name="تعديل")).to_be_visible()

    reader_field.fill("نعم، وأضفتُ تعليقين على الصياغة.")
    reader_field.press("Enter")
    answer = writer.locator(".chat-message[data-id]", has_text="أضفتُ تعليقين")
    expect(answer).to_have_count(1)
    expect(answer.locator(".chat-message__author")).to_have_text("هالة منصور")
    writer.screenshot(path=screenshots / "chat-live-writer-ar.png")

    # The writer loses the connection, writes, and comes back: it arrives once, on both pages.
    writer.context.set_offline(True)
    writer_field.fill("سأرسل ملاحظاتي حين يعود الاتصال")
    writer_field.press("Enter")
    expect(writer.locator(".chat-message--pending")).to_have_count(1)
    writer.context.set_offline(False)
    late = reader.locator(".chat-message[data-id]", has_text="حين يعود الاتصال")
    expect(late).to_have_count(1, timeout=20_000)
    expect(writer.locator(".chat-message[data-id]", has_text="حين يعود الاتصال")).to_have_count(1)
    expect(writer.locator(".chat-message--pending")).to_have_count(0)
    reader.screenshot(path=screenshots / "chat-live-reader-ar.png")
    assert room.messages.filter(body="سأرسل ملاحظاتي حين يعود الاتصال").count() == 1

    # A file attached from the phone uploads at once, goes with the message, and shows on the
    # reader's page as the library's file.
    writer.locator("input[name=attach]").set_input_files(
        files=[{"name": "محضر.pdf", "mimeType": "application/pdf", "buffer": arabic_pdf(["محضر"])}]
    )
    expect(writer.locator(".composer__file[data-id]")).to_contain_text("محضر")
    expect(writer.locator("[data-chat-files-note]")).to_be_visible()
    writer.screenshot(path=screenshots / "chat-attach-ar.png")

    # The reader's page fetches a message with files; a slow answer must not let the next
    # message, which comes whole through the socket, jump ahead of it.
    def slowly(route):
        answer = route.fetch()
        time.sleep(1.5)  # the writer's next message reaches the reader's socket meanwhile
        route.fulfill(response=answer)

    reader.route("**/messages/?id=*", slowly)
    writer_field.fill("المحضر مرفق")
    writer_field.press("Enter")
    writer_field.fill("وهذه بعده مباشرة")
    writer_field.press("Enter")
    shared = reader.locator(".chat-message[data-id]", has_text="المحضر مرفق")
    expect(shared.locator(".attachments a", has_text="محضر").first).to_be_visible()
    # The message with a file is fetched, the next one is not: they still show in order.
    expect(reader.locator(".chat-message[data-id]", has_text="بعده مباشرة")).to_have_count(1)
    shown = reader.locator(".chat-message[data-id]").evaluate_all(
        "items => items.map(item => Number(item.dataset.id))"
    )
    assert shown == sorted(shown)
    reader.unroute("**/messages/?id=*")
    expect(writer.locator(".composer__file")).to_have_count(0)
    shared.scroll_into_view_if_needed()
    reader.screenshot(path=screenshots / "chat-file-ar.png")

    # The writer deletes the first message: gone from the reader's page too, without a reload.
    first = reader.locator(f"#message-{arrived.get_attribute('data-id')}")
    own.get_by_role("button", name="حذف").click()
    expect(first.locator(".chat-message__hidden")).to_have_text("حُذفت هذه الرسالة.")
    expect(first.locator(".chat-message__body")).to_have_count(0)
    # Read live, counted as read: the tab bar shows nothing unread once the reader moves on.
    # (A page in the background runs no timers here: the reader looks at theirs first.)
    reader.bring_to_front()
    latest = room.messages.latest("pk").pk
    for _ in range(50):
        if f'{{"read":{latest}}}' in told:
            break
        reader.wait_for_timeout(100)
    assert f'{{"read":{latest}}}' in told
    reader.get_by_role("link", name="الرئيسية").click()
    expect(reader.locator(".workspace-tabs")).to_be_visible()
    expect(reader.locator(".tab-badge")).to_have_count(0)
    assert [error for error in traffic.errors if "ERR_INTERNET_DISCONNECTED" not in error] == []
