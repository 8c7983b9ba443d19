from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "frontdoor.casework"
    verbose_name = "Casework"
