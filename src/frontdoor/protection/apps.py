from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "frontdoor.protection"
    verbose_name = "Child protection"
