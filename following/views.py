from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from following import rules, searches, services
from following.forms import FollowSearchForm, PreferencesForm
from following.models import Follower, Frequency, Subscription


def _search_link(subscription) -> str:
    url = reverse(searches.KINDS[subscription.kind].list_url_name)
    return f"{url}?{subscription.query}" if subscription.query else url


@login_required
@require_http_methods(["GET", "POST"])
def following_page(request):
    """Everything the user follows, how each interest is delivered and how often the
    digest comes; saved searches can be stopped one by one."""
    user = request.user
    kinds = rules.standing_kinds_for(user)
    subscriptions = list(Subscription.objects.of(user))
    if request.method == "POST":
        form = PreferencesForm(request.POST, kinds=kinds)
        if form.is_valid():
            services.preferences_update(
                actor=user,
                frequency=form.cleaned_data["frequency"],
                deliveries=form.deliveries(),
            )
            messages.success(request, _("Your choices have been saved."))
            return redirect("following:page")
    else:
        standing = {s.kind: s.delivery for s in subscriptions if not s.is_search}
        initial = {kind: standing.get(kind, services.NEVER) for kind in kinds}
        follower = Follower.objects.filter(user=user).first()
        initial["frequency"] = follower.frequency if follower else Frequency.DAILY
        form = PreferencesForm(initial=initial, kinds=kinds)
    describer = searches.Describer()
    saved = [
        {
            "subscription": s,
            "parts": describer.parts(s.kind, s.query),
            "url": _search_link(s),
        }
        for s in subscriptions
        if s.is_search
    ]
    return render(request, "following/page.html", {"form": form, "searches": saved})


@login_required
@require_http_methods(["GET", "POST"])
def follow_search(request, slug):
    """Follow the search of an overview: the page says what will be followed (only what
    the overview understands), the button saves it."""
    kind = searches.SLUGS.get(slug)
    if kind is None:
        raise Http404
    if request.method == "POST":
        form = FollowSearchForm(request.POST)
        if form.is_valid():
            services.search_follow(actor=request.user, kind=kind, params=form.params())
            messages.success(
                request,
                _("You now follow this search. New results come in your digest."),
            )
            return redirect("following:page")
        query = ""
    else:
        query = searches.normalise(kind, request.GET)
        form = FollowSearchForm(initial={"query": query})
    context = {
        "form": form,
        "kind": kind,
        "parts": searches.Describer().parts(kind, query),
        "search_url": f"{reverse(searches.KINDS[kind].list_url_name)}?{query}",
        "already": Subscription.objects.of(request.user).filter(kind=kind, query=query).exists(),
    }
    return render(request, "following/follow.html", context)


@require_POST
@login_required
def stop(request, pk):
    subscription = rules.get_subscription_for_change(request.user, pk)
    services.subscription_stop(actor=request.user, subscription=subscription)
    messages.success(request, _("You no longer follow this."))
    return redirect("following:page")


@csrf_exempt  # RFC 8058: the mail client's one-click POST carries no CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """One-click unsubscribe without logging in: GET asks (mail scanners open links), POST
    stops what the signed token names, for its own user only."""
    if request.method == "POST":
        unsubscription = services.unsubscribe(token=token)
        done = True
    else:
        unsubscription = services.unsubscription_for(token)
        done = False
    if unsubscription is None:
        return render(request, "following/unsubscribe_invalid.html", status=404)
    return render(
        request,
        "following/unsubscribe.html",
        {"unsubscription": unsubscription, "done": done, "token": token},
    )
