from django.apps import AppConfig


class EarlyhelpConfig(AppConfig):
    name = "frontdoor.earlyhelp"
    verbose_name = "Early help"
