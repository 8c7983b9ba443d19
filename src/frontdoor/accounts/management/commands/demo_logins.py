from typing import Any

from django.core.management.base import BaseCommand

from frontdoor.accounts.models import User
from frontdoor.accounts.seed import DEMO_CAST
from frontdoor.seeding import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Print the demo logins, one per role."

    def handle(self, *args: Any, **options: Any) -> None:
        users = {u.username: u for u in User.objects.filter(username__in=[c[0] for c in DEMO_CAST])}
        if not users:
            self.stdout.write("There are no demo logins in this database.")
            return
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})\n")
        for username, *_ in DEMO_CAST:
            if user := users.get(username):
                team = f", {user.team}" if user.team else ""
                self.stdout.write(f"  {username:<22} {user.get_role_display()}{team}")
        self.stdout.write("")
