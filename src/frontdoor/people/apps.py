from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "frontdoor.people"
    verbose_name = "People"
