"""The telephony API, under /api/v1/calls/."""

from django.urls import path

from frontdoor.contacts import call_api

urlpatterns = [
    path("events", call_api.events, name="call-events"),
]
