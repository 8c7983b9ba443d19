from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "frontdoor.returns"
    verbose_name = "Statutory returns"
