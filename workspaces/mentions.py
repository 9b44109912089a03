"""Who a composer suggests after "@" (workspaces/static/workspaces/mentions.js): the people
who may read what is being written, but its writer, as the page lists them
(workspaces/includes/people_to_mention.html)."""

# The most people one composer lists: a workspace's members, with room to spare.
LIMIT = 300


def people_to_mention(readers, writer):
    """[{username, name, title}] of the users in the queryset `readers`, but `writer`."""
    people = (
        readers.exclude(pk=getattr(writer, "pk", None))
        .order_by("display_name", "username")
        .only("username", "display_name", "first_name", "last_name", "title")
    )
    return [
        {"username": person.username, "name": person.get_display_name(), "title": person.title}
        for person in people[:LIMIT]
    ]
