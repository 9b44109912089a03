from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def update_feed_url(context, index, kind):
    """The absolute URL of the `kind` ("rss" or "atom") feed of the update index `index`."""
    return index.full_feed_url(context["request"], kind)


@register.inclusion_tag("updates/includes/feed_links.html", takes_context=True)
def update_feed_links(context, index):
    """`<link rel="alternate">` to the feeds of `index`, for browsers and feed readers to find."""
    if index is None:
        return {"index": None}
    return {
        "index": index,
        "rss_url": update_feed_url(context, index, "rss"),
        "atom_url": update_feed_url(context, index, "atom"),
    }
