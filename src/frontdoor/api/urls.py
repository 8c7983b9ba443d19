from django.urls import include, path

from frontdoor.accounts import api as accounts_api
from frontdoor.contacts import api as contacts_api
from frontdoor.people import api as people_api
from frontdoor.timescales import api as timescales_api

app_name = "api"
urlpatterns = [
    path("v1/me/", accounts_api.me, name="me"),
    path("v1/council/", accounts_api.council, name="council"),
    path("v1/calendar/working-days/", timescales_api.working_days, name="working-days"),
    path("v1/calls/", include("frontdoor.contacts.call_api_urls")),
    path("v1/contacts/", contacts_api.contacts, name="contacts"),
    path("v1/contacts/<int:contact_id>/", contacts_api.contact_detail, name="contact-detail"),
    path(
        "v1/contacts/<int:contact_id>/children/<int:child_id>/decision/",
        contacts_api.decision,
        name="contact-decision",
    ),
    path("v1/people/", people_api.people, name="people"),
    path("v1/people/<int:person_id>/", people_api.person_detail, name="person-detail"),
]
