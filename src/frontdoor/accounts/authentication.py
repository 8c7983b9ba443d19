from django.utils import timezone
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from frontdoor.accounts.models import ApiToken, User
from frontdoor.accounts.services import hash_api_key


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer <token>` with a token made by `frontdoor create_api_token`."""

    keywords = ("bearer", "token")

    def authenticate(self, request: Request) -> tuple[User, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode("latin-1").split()
        if not header or header[0].lower() not in self.keywords:
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed("The Authorization header must be 'Bearer <token>'")
        token = (
            ApiToken.objects.select_related("user", "user__team")
            .filter(key_hash=hash_api_key(header[1]), revoked_at__isnull=True)
            .first()
        )
        if token is None or not token.user.is_active:
            raise exceptions.AuthenticationFailed("The API token is not valid or has been revoked")
        now = timezone.now()
        # Record use at most once a minute, not on every request.
        if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'
