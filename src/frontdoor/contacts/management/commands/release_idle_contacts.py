from typing import Any

from django.core.management.base import BaseCommand

from frontdoor.contacts.services import release_idle_contacts


class Command(BaseCommand):
    help = "Release contacts picked up but left idle past the council's idle time (run every few minutes)."

    def handle(self, *args: Any, **options: Any) -> None:
        released = release_idle_contacts()
        self.stdout.write(f"Released {released} idle contact(s)")
