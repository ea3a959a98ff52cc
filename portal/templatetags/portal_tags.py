import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

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
def page_window(page_obj):
    """The page numbers to show around the current page: 1 … 4 5 6 … 5000.

    Computed here rather than by looping over every page in the template, which would cost
    a loop of thousands of iterations on a large result.
    """
    paginator = page_obj.paginator
    return list(paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.filter
def summary_label(label) -> str:
    """A field's label as the error summary puts it before the error ("E-mail: …"); a label
    that is a whole sentence (a consent checkbox) is left out, so the summary does not run
    on ("…privacy policy.: We need …"): the error itself says what is wrong, and it links
    to the field."""
    text = str(label or "").strip()
    return "" if text.endswith((".", "?", "!", ":")) else text
