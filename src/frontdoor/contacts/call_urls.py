"""Pages about telephone calls, under /contacts/calls/."""

from django.urls import path

from frontdoor.contacts import call_views

urlpatterns = [
    path("", call_views.figures, name="call-figures"),
    path("import/", call_views.import_log, name="import-calls"),
]
