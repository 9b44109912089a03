"""Chat addresses. Every one goes through `workspace_view`; a conversation is found inside the
workspace of the address and, unless it is the room, only by its participants (404 for anyone
else, as for an outsider). Each works without JavaScript: the page lists the latest messages
with a link to older ones and a form; chat.js makes it live."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from search.text import normalise
from workspaces import attachments
from workspaces.access import workspace_view
from workspaces.scripted import form_errors, wants_json

from . import live
from .forms import EditForm, MessageForm, StartForm
from .models import Conversation, Message

CONVERSATION = ("conversation_id", Conversation.objects.prefetch_related("participants__user"))


def _open(conversation, request):
    if not conversation.is_open_to(request.user):
        raise Http404
    return conversation


def _for_reader(messages, request, access, conversation):
    """Mark each message with what this reader sees of it and may do with it: a hidden one's
    text only for moderators and its author; reporting and hiding in the room only."""
    back_to = conversation_url(conversation, access.workspace)
    now = timezone.now()
    for message in messages:
        message.shows_text = message.text_visible_to(request.user, access)
        message.is_own = message.author_id == request.user.pk
        message.can_change = message.is_editable_by(request.user, now)
        if conversation.is_room:
            may_report = access.can_report and not message.hidden and not message.is_own
            message.moderation = message.moderation_links(
                access, may_report=may_report, back_to=back_to
            )
    return messages


@workspace_view()
def index(request, access):
    Conversation.room_of(access.workspace)
    conversations = list(
        Conversation.objects.in_workspace(access.workspace)
        .open_to(request.user)
        .with_unread(request.user)
        .prefetch_related("participants__user")
        # The room first ("room" after "group" and "direct"), then the latest active.
        .order_by("-kind", F("last_message_at").desc(nulls_last=True), "-pk")
    )
    for conversation in conversations:
        conversation.name = conversation.name_for(request.user)
    context = {"conversations": conversations, "may_start": access.workspace.is_open}
    return render(request, "chat/index.html", context)


@workspace_view(methods=("GET", "HEAD", "POST"))
def new(request, access):
    if not access.workspace.is_open:
        raise Http404
    form = StartForm(access.workspace, request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        conversation = Conversation.start(
            access.workspace,
            request.user,
            form.cleaned_data["people"],
            title=form.cleaned_data["title"],
        )
        return redirect(conversation_url(conversation, access.workspace))
    return render(request, "chat/new.html", {"form": form})


def conversation_url(conversation, workspace):
    return reverse("workspaces:chat:conversation", args=[workspace.slug, conversation.pk])


@workspace_view(load=CONVERSATION)
def conversation(request, access, conversation):
    _open(conversation, request)
    before = request.GET.get("before", "")
    messages = Message.objects.filter(conversation=conversation).before(
        int(before) if before.isdigit() else None
    )
    _for_reader(messages, request, access, conversation)
    latest_page = not before
    first_unread = None
    if latest_page and messages:
        # Where the reader stopped: the page opens there, then counts everything as read.
        read_up_to = conversation.read_up_to(request.user)
        first_unread = next(
            (m.pk for m in messages if m.pk > read_up_to and m.author_id != request.user.pk), None
        )
        _forget_unread(access, conversation, read_up_to, request.user)
        conversation.mark_read(request.user, messages[-1])
    context = {
        "conversation": conversation,
        "name": conversation.name_for(request.user),
        "chat_messages": messages,
        "older_url": f"?before={messages[0].pk}" if len(messages) and _has_older(messages) else "",
        "latest_page": latest_page,
        "first_unread": first_unread,
        "form": _composer(request, conversation, access),
        "may_write": conversation.may_write(access),
        "people": conversation.people_to_mention(request.user),
        "socket_path": (
            f"/ws/workspaces/{access.workspace.slug}/chat/{conversation.pk}/"
            if settings.CHAT_LIVE_UPDATES
            else ""
        ),
    }
    return render(request, "chat/conversation.html", context)


def _forget_unread(access, conversation, read_up_to, user):
    """The tab bar's count, read by the gate before this page marked its messages read, less
    those it marks: the page does not announce as unread what it is showing."""
    counted = getattr(access.workspace, "chat_unread", 0)
    if counted:
        now_read = conversation.messages.filter(pk__gt=read_up_to, deleted_at=None)
        access.workspace.chat_unread = max(0, counted - now_read.exclude(author=user).count())


def _composer(request, conversation, access):
    """The form at the bottom of the page; `?reply_to=` (the Reply link without JavaScript)
    fills in the message answered."""
    if not conversation.may_write(access):
        return None
    answered = request.GET.get("reply_to", "")
    form = _message_form(
        request, access, initial={"reply_to": answered} if answered.isdigit() else None
    )
    form.answering = (
        conversation.messages.filter(pk=answered, deleted_at=None).select_related("author").first()
        if answered.isdigit()
        else None
    )
    return form


def _message(conversation, message_id, user):
    """One message of `conversation` that `user` wrote and may still change, else 404/403."""
    message = get_object_or_404(conversation.messages.all(), pk=message_id)
    if not message.is_editable_by(user):
        raise PermissionDenied
    return message


@workspace_view(methods=("GET", "HEAD", "POST"), load=CONVERSATION)
def edit(request, access, conversation, message_id):
    _open(conversation, request)
    message = _message(conversation, message_id, request.user)
    form = EditForm(request.POST or None, initial={"body": message.body})
    if request.method == "POST" and form.is_valid():
        message.revise(form.cleaned_data["body"])
        live.announce_change(message)
        return redirect(f"{conversation_url(conversation, access.workspace)}#message-{message.pk}")
    context = {"conversation": conversation, "message": message, "form": form}
    return render(request, "chat/edit.html", context)


@workspace_view(methods=("POST",), load=CONVERSATION)
def delete(request, access, conversation, message_id):
    _open(conversation, request)
    message = _message(conversation, message_id, request.user)
    message.withdraw()
    live.announce_change(message)
    return redirect(f"{conversation_url(conversation, access.workspace)}#message-{message.pk}")


def _has_older(messages):
    first = messages[0]
    return Message.objects.filter(conversation_id=first.conversation_id, pk__lt=first.pk).exists()


SEARCH_RESULTS = 50
LIBRARY_CHOICES = 20


@workspace_view(needs="can_post", load=CONVERSATION)
def library(request, access, conversation):
    """Files of the workspace's library to send here: the latest, or those holding every word
    of `?q=`. Each goes by a plain form to `send`, as a message of its own."""
    _open(conversation, request)
    query = request.GET.get("q", "").strip()[:200]
    files = attachments.library(access.workspace, query)
    if files is None or not conversation.may_write(access):
        raise Http404
    context = {
        "conversation": conversation,
        "name": conversation.name_for(request.user),
        "query": query,
        "files": files[:LIBRARY_CHOICES],
    }
    return render(request, "chat/library.html", context)


@workspace_view(load=CONVERSATION)
def search(request, access, conversation):
    """The messages of one conversation holding every word of `?q=`, newest first, each with
    a link to its place in the conversation."""
    _open(conversation, request)
    query = request.GET.get("q", "").strip()[:200]
    words = normalise(query).split()[:8]
    found = []
    if words:
        found = list(
            Message.objects.filter(conversation=conversation, hidden=False)
            .shown()
            .matching(words)
            .order_by("-pk")[:SEARCH_RESULTS]
        )
    context = {
        "conversation": conversation,
        "name": conversation.name_for(request.user),
        "query": query,
        "words": words,
        "found": found,
    }
    return render(request, "chat/search.html", context)


@workspace_view(load=CONVERSATION)
def messages(request, access, conversation):
    """The messages after `?after=`, as the page shows them to this reader: what a page that
    lost its connection missed, in order. With `?id=`, that one message: one the page shows
    already changed, or one of the reader's own came through the socket."""
    _open(conversation, request)
    after, one = request.GET.get("after", ""), request.GET.get("id", "")
    in_conversation = Message.objects.filter(conversation=conversation)
    if one.isdigit():
        found = list(in_conversation.shown().filter(pk=one))
    else:
        found = in_conversation.after(int(after) if after.isdigit() else 0)
        if found:
            conversation.mark_read(request.user, found[-1])
    _for_reader(found, request, access, conversation)
    html = render_to_string(
        "chat/includes/messages.html",
        {"chat_messages": found, "may_write": conversation.may_write(access)},
        request=request,
    )
    return JsonResponse(
        {"last": found[-1].pk if found else None, "ids": [m.pk for m in found], "html": html}
    )


@workspace_view(methods=("POST",), load=CONVERSATION)
def send(request, access, conversation):
    _open(conversation, request)
    if not conversation.may_write(access):
        raise PermissionDenied
    # Sent again after a lost answer: it arrived the first time, files and all.
    message = conversation.sent_as(request.user, request.POST.get("client_id", ""))
    if message is None:
        form = _message_form(request, access, request.POST, request.FILES)
        if not form.is_valid():
            if wants_json(request):
                return form_errors(form)
            context = {
                "conversation": conversation,
                "name": conversation.name_for(request.user),
                "chat_messages": [],
                "form": form,
                "may_write": True,
            }
            return render(request, "chat/conversation.html", context, status=400)
        answered = form.cleaned_data["reply_to"]
        with transaction.atomic():
            message = conversation.send(
                request.user,
                form.cleaned_data["body"],
                client_id=form.cleaned_data["client_id"],
                reply_to=conversation.messages.filter(pk=answered).first() if answered else None,
                files=attachments.attach(form, access.workspace, request.user),
            )
        live.announce(message)
    if wants_json(request):
        return JsonResponse({"id": message.pk}, status=201)
    return redirect(f"{conversation_url(conversation, access.workspace)}#message-{message.pk}")


def _message_form(request, access, *args, **kwargs):
    """The composer's form; files go with it for those who may add to the library."""
    if access.can_post:
        kwargs.update(workspace=access.workspace, user=request.user)
    return MessageForm(*args, **kwargs)
