import re
from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.templatetags.static import static
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from portal.caching import shared_fragment_html

register = template.Library()

_WORD = re.compile(r"(\w+)", re.UNICODE)


def _prefixes(query: str) -> list[str]:
    """Each search word cut to its likely stem: 'ensomhed' → 'ensom', 'licens' → 'lice'."""
    prefixes = []
    for term in _WORD.findall(query.lower()):
        if len(term) >= 3:
            prefixes.append(term[: max(4, len(term) - 3)] if len(term) > 4 else term)
    return prefixes


@register.filter
def highlight(text, query):
    """Mark the words of `text` that match the search `query` with <mark>, escaping the rest.

    Matches on the start of a word, so that partial words and inflections ('ældre' in
    'ældreomsorg', 'ensomhed' in 'ensomme') are marked as the search found them; given an
    overview's `highlighter`, also the words the search widened to (compounds, typos).
    """
    if not text:
        return ""
    words: frozenset[str] = getattr(query, "words", frozenset())  # a portal.overview.Highlighter
    prefixes = _prefixes(getattr(query, "query", query) or "")
    if not prefixes and not words:
        return escape(text)
    parts = []
    for token in _WORD.split(str(text)):
        lowered = token.lower()
        if token and (lowered in words or any(lowered.startswith(p) for p in prefixes)):
            parts.append(f"<mark>{escape(token)}</mark>")
        else:
            parts.append(escape(token))
    return mark_safe("".join(parts))  # noqa: S308  (every part is escaped above)


@register.simple_tag
def icon(name: str, label: str = "", css_class: str = "") -> SafeString:
    """One icon from the DKFDS sprite (static/dist/icons.svg), as inline SVG:

        {% icon "menu" %}
        {% icon variant css_class="alert-icon" label=icon_label %}

    name:      the icon's id in the sprite, e.g. "menu", "lock", "chevron-right"
    label:     optional; gives the icon an accessible name (role="img"); without it the
               icon is decorative (aria-hidden)
    css_class: optional extra classes, e.g. "alert-icon"

    A tag rather than an included template: a page shows a dozen icons, and an include
    costs as much as the rest of a small template. The markup depends only on the
    arguments and the sprite's URL, so it is built once per process for each of them.
    """
    return _icon_markup(static("dist/icons.svg"), str(name), str(label), str(css_class))


@lru_cache(maxsize=512)
def _icon_markup(sprite: str, name: str, label: str, css_class: str) -> SafeString:
    classes = f"icon-svg {css_class}" if css_class else "icon-svg"
    if label:
        return format_html(
            '<svg class="{}" focusable="false" role="img" aria-label="{}">'
            '<use href="{}#{}"></use></svg>',
            classes,
            label,
            sprite,
            name,
        )
    return format_html(
        '<svg class="{}" focusable="false" aria-hidden="true"><use href="{}#{}"></use></svg>',
        classes,
        sprite,
        name,
    )


@dataclass(frozen=True)
class PageLink:
    number: int | str  # the paginator's ELLIPSIS for a gap
    url: str = ""
    label: str = ""
    current: bool = False


@dataclass(frozen=True)
class PageLinks:
    first: str
    previous: str
    next: str
    last: str
    position: str
    items: list[PageLink]


@register.simple_tag
def page_links(page_obj, query_string_without_page="") -> PageLinks | None:
    """The links of components/pagination.html, None for a single page: the first and last
    page, the pages next to the current one and a gap ("…") for the rest, each with its URL
    (the other parameters kept) and its accessible name ("Page 4").

    Computed here rather than by looping over every page in the template, which would cost
    a loop of thousands of iterations on a large result, or by building each link there.
    """
    paginator = page_obj.paginator
    last = paginator.num_pages
    if last <= 1:
        return None
    current = page_obj.number
    prefix = f"?{query_string_without_page or ''}page="
    items = [
        PageLink(number)
        if number == paginator.ELLIPSIS
        else PageLink(
            number,
            f"{prefix}{number}",
            gettext("Page %(num)s") % {"num": number},
            number == current,
        )
        for number in paginator.get_elided_page_range(current, on_each_side=1, on_ends=1)
    ]
    return PageLinks(
        first=f"{prefix}1" if current > 1 else "",
        previous=f"{prefix}{current - 1}" if current > 1 else "",
        next=f"{prefix}{current + 1}" if current < last else "",
        last=f"{prefix}{last}" if current < last else "",
        position=gettext("Page %(number)s of %(total)s") % {"number": current, "total": last},
        items=items,
    )


@register.filter
def summary_label(label) -> str:
    """A field's label as the error summary puts it before the error ("E-mail: …"); a label
    that is a whole sentence (a consent checkbox) is left out, so the summary does not run
    on ("…privacy policy.: We need …"): the error itself says what is wrong, and it links
    to the field."""
    text = str(label or "").strip()
    return "" if text.endswith((".", "?", "!", ":")) else text


class SharedFragmentNode(template.Node):
    def __init__(self, name: str, nodelist, vary_on: list, unless):
        self.name = name
        self.nodelist = nodelist
        self.vary_on = vary_on
        self.unless = unless

    def render(self, context) -> str:
        if self.unless is not None and self.unless.resolve(context, ignore_failures=True):
            return self.nodelist.render(context)
        values = [variable.resolve(context, ignore_failures=True) for variable in self.vary_on]
        return shared_fragment_html(self.name, values, lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token):
    """A part of a page that is the same for every visitor who shares its variables, such
    as the header and footer for visitors who are not logged in: rendered once per
    process, language and values of the variables, and kept (portal.caching).

        {% shared_fragment "header" language_links portal_nav unless user.is_authenticated %}
          …
        {% endshared_fragment %}

    Everything the part shows must come from the listed variables, the language or the
    code; with `unless`, the part is rendered afresh whenever the condition holds (a
    logged-in user's menu carries their name and a CSRF token, which are never shared).
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    name = bits[1].strip("\"'")
    rest = bits[2:]
    unless = None
    if "unless" in rest:
        position = rest.index("unless")
        if position != len(rest) - 2:
            raise template.TemplateSyntaxError("shared_fragment: 'unless' takes one variable")
        unless = parser.compile_filter(rest[-1])
        rest = rest[:position]
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(name, nodelist, [parser.compile_filter(bit) for bit in rest], unless)
