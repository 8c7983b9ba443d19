from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "frontdoor.partners"
    verbose_name = "Multi-agency work"
