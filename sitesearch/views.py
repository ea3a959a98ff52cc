from django.shortcuts import render

from portal.overview import MAX_QUERY_LENGTH
from sitesearch.groups import search


def site_search(request):
    """/soeg/?q=: challenges, solutions and organisations found by one query, grouped."""
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    groups = search(query) if query else []
    context = {
        "query": query,
        "groups": groups,
        "found_any": any(group.hits for group in groups),
    }
    return render(request, "sitesearch/search.html", context)
