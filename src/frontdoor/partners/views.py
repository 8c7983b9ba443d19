from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from frontdoor.partners import imports, notifications, queries
from frontdoor.partners.access import get_notification_for_user, receiver
from frontdoor.partners.forms import MatchForm, NotificationFileForm
from frontdoor.partners.models import NotificationPerson
from frontdoor.people.access import get_person_for_user

ERRORS_SHOWN = 200


def police(request: HttpRequest) -> HttpResponse:
    receiver(request)
    page = Paginator(queries.notifications_list(), 50).get_page(request.GET.get("page"))
    return render(request, "partners/notifications.html", {"page": page})


def import_file(request: HttpRequest) -> HttpResponse:
    user = receiver(request)
    form = NotificationFileForm(request.POST, request.FILES) if request.method == "POST" else NotificationFileForm()
    report = None
    if form.is_bound and form.is_valid():
        report = imports.import_notifications(file=form.cleaned_data["file"], by=user)
        if not report.ok:
            form.add_error("file", "The file has problems: nothing was imported. Correct them and upload it again")
    context = {"form": form, "report": report, "errors": report.errors[:ERRORS_SHOWN] if report else []}
    return render(request, "partners/import.html", context)


def notification(request: HttpRequest, notification_id: int) -> HttpResponse:
    user = receiver(request)
    found = get_notification_for_user(request, notification_id, viewed="police notification")
    people = list(found.people.select_related("person", "matched_by"))
    likely = queries.likely_matches(user, [p for p in people if p.person_id is None])
    rows = [(named, likely.get(named.pk, [])) for named in people]
    return render(request, "partners/notification.html", {"notification": found, "rows": rows, "form": MatchForm()})


@require_POST
def match(request: HttpRequest, named_id: int) -> HttpResponse:
    user = receiver(request)
    named = get_object_or_404(NotificationPerson, pk=named_id)
    get_notification_for_user(request, named.notification_id, viewed="police notification")
    form = MatchForm(request.POST)
    if form.is_valid():
        person = get_person_for_user(request, form.cleaned_data["person"], viewed="police notification match")
        try:
            notifications.confirm_match(named=named, person=person, by=user)
        except ValidationError as error:
            messages.error(request, "; ".join(error.messages))
        else:
            messages.success(request, f"{named.first_name} {named.last_name} matched to {person.full_name}")
    else:
        messages.error(request, "Choose who this is")
    return redirect("partners:notification", named.notification_id)


def unmatched(request: HttpRequest) -> HttpResponse:
    receiver(request)
    page = Paginator(queries.unmatched_people(), 50).get_page(request.GET.get("page"))
    return render(request, "partners/unmatched.html", {"page": page})
