from django import template

from matching import selectors

register = template.Library()


@register.inclusion_tag("matching/includes/challenge_suggestions.html", takes_context=True)
def challenge_suggestions(context, challenge, can_manage=False):
    """Up to five suggested solutions; the owners get invite and dismiss buttons."""
    suggestions = selectors.for_challenge(challenge) if challenge.is_public else []
    invited = selectors.invited_organisation_ids(challenge) if can_manage and suggestions else set()
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "challenge": challenge,
        "can_manage": can_manage,
        "rows": [
            (s, selectors.reasons_in_words(s.reasons), s.solution.organisation_id in invited)
            for s in suggestions
        ],
    }


@register.inclusion_tag("matching/includes/solution_suggestions.html")
def solution_suggestions(solution):
    """Up to five open challenges the solution fits."""
    suggestions = selectors.for_solution(solution) if solution.is_public else []
    return {"rows": [(s, selectors.reasons_in_words(s.reasons)) for s in suggestions]}


@register.simple_tag
def reasons_text(reasons):
    return " · ".join(f"{r.label}: {r.text}" for r in selectors.reasons_in_words(reasons))
