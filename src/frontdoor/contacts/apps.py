from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "frontdoor.contacts"
    verbose_name = "Front door"
