"""Each demo workspace's room with a short conversation, and one one-to-one conversation:
`member_legal` with `rapporteur_legal` about the briefing note."""

import datetime

from django.utils import timezone

from workspaces.chat.models import Conversation, Message

# slug of the workspace: [(username, minutes ago, text)]
ROOMS = {
    "legal-constitutional": [
        ("rapporteur_legal", 95, "مساء الخير جميعاً. رفعتُ مسودة المبادئ المعدّلة إلى المكتبة."),
        ("member_legal", 80, "شكراً هالة، سأقرأ فقرة استقلال القضاء الليلة."),
        ("member_legal", 42, "هل يبدأ اجتماع الخميس في الخامسة بتوقيت دمشق؟"),
        ("rapporteur_legal", 37, "نعم، في الخامسة. الرابط في صفحة الفعالية."),
    ],
    "electoral": [
        ("member_electoral", 120, "أضفتُ ملاحظات عن تسجيل الناخبين في الخارج إلى النقاش."),
    ],
    "women-advisory-board-shared": [
        ("wab_member", 200, "أهلاً بالجميع في المساحة المشتركة."),
        ("member_legal", 150, "أهلاً! يسعدنا العمل معاً على ورقة المشاركة السياسية للنساء."),
    ],
}

DIRECT = (
    ("member_legal", "rapporteur_legal"),
    [
        ("member_legal", 30, "هل تريدين أن أكتب مسودة فقرة التوصيات لورقة الإحاطة؟"),
        ("rapporteur_legal", 25, "نعم من فضلك، دون ذكر أي اسم كما اتفقنا."),
    ],
)


def _say(conversation, users, lines):
    now = timezone.now()
    for username, minutes_ago, text in lines:
        message = Message.objects.create(
            conversation=conversation,
            author=users[username],
            body=text,
            created_at=now - datetime.timedelta(minutes=minutes_ago),
        )
        conversation.mark_read(users[username], message)
    conversation.last_message_at = now - datetime.timedelta(minutes=lines[-1][1])
    conversation.save(update_fields=["last_message_at"])


def create_chat(workspaces, users):
    """Create the rooms' first messages and the one-to-one conversation once; a later run
    leaves them as they are."""
    for slug, lines in ROOMS.items():
        room = Conversation.room_of(workspaces[slug])
        if not room.messages.exists():
            _say(room, users, lines)
    (first, second), lines = DIRECT
    direct = Conversation.start(workspaces["legal-constitutional"], users[first], [users[second]])
    if not direct.messages.exists():
        _say(direct, users, lines)
