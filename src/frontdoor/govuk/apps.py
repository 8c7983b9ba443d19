from django.apps import AppConfig


class GovukConfig(AppConfig):
    name = "frontdoor.govuk"
    verbose_name = "GOV.UK Design System"
