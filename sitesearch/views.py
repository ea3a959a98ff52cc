from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.caching import cached_fragment_for
from portal.overview import MAX_QUERY_LENGTH
from sitesearch.groups import search

NAMESPACES = ["challenges", "solutions", "organisations"]


def _results_html(query: str) -> str:
    groups = search(query)
    context = {"query": query, "groups": groups, "found_any": any(g.hits for g in groups)}
    return render_to_string("sitesearch/includes/results.html", context)


def site_search(request):
    """/soeg/?q=: challenges, solutions and organisations found by one query, grouped; the
    results for a query are rendered once and kept for a few seconds."""
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    results = ""
    if query:
        results = cached_fragment_for(NAMESPACES, ["search", query], lambda: _results_html(query))
    context = {"query": query, "results_html": mark_safe(results)}  # noqa: S308  (our own template)
    return render(request, "sitesearch/search.html", context)
