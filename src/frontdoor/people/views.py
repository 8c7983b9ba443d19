from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from frontdoor.people.access import get_person_for_user


def detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request, person_id, viewed="person page")
    events = person.events.select_related("actor")[:50]
    return render(request, "people/detail.html", {"person": person, "events": events})
