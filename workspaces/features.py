"""The features of a workspace, each with the first address segment it answers under.

`workspaces.urls` includes every feature's URLconf under `<workspace slug>/<segment>/`, and
`workspaces.slugs` keeps the same segments (and the workspace's own `members`) from ever being
a page's slug, since the URLconf answers them before the page tree. A feature is added here,
once: its addresses and its reserved name follow from this one entry.
"""

# The workspace's own page below its address, not a feature's.
MEMBERS = "members"

# Segment: the URLconf included under it. The workspace search is the discussions' for now.
FEATURES = {
    "discussions": "workspaces.discussions.urls",
    "search": "workspaces.discussions.search_urls",
    "library": "workspaces.files.urls",
    "calendar": "workspaces.events.urls",
    "drafts": "workspaces.drafts.urls",
    "chat": "workspaces.chat.urls",
    "moderation": "workspaces.moderation.urls",
}
