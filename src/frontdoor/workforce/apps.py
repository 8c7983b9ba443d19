from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "frontdoor.workforce"
    verbose_name = "Workforce"
