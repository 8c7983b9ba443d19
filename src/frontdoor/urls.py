import importlib.util

from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView

from frontdoor import views
from frontdoor.accounts import mfa_views
from frontdoor.accounts import views as accounts_views
from frontdoor.accounts.middleware import mfa_not_required

handler400 = "frontdoor.views.bad_request"
handler404 = "frontdoor.views.page_not_found"
handler403 = "frontdoor.views.permission_denied"
handler500 = "frontdoor.views.server_error"

# The admin site's own sign-in takes a password alone; send it through ours, which asks for the code.
admin.site.login = login_not_required(  # type: ignore[method-assign,assignment]
    RedirectView.as_view(pattern_name="login", query_string=True)
)

# Single sign-on, when the `oidc` extra is installed; the views answer 404 until OIDC_CLIENT_ID is set.
sso_urlpatterns = []
if importlib.util.find_spec("mozilla_django_oidc"):
    from frontdoor.accounts import oidc

    sso_urlpatterns = [
        path("sign-in/sso/", oidc.SignInRequestView.as_view(), name="sso-sign-in"),
        path("sign-in/sso/callback/", oidc.SignInCallbackView.as_view(), name="sso-callback"),
    ]

urlpatterns = [
    path("", accounts_views.home, name="home"),
    path("sign-in/", accounts_views.LoginView.as_view(), name="login"),
    path("sign-in/code/", mfa_views.sign_in_code, name="sign-in-code"),
    path("sign-out/", mfa_not_required(accounts_views.SignOutView.as_view()), name="logout"),
    *sso_urlpatterns,
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    path("", include("frontdoor.accounts.urls")),
    path("timescales/", include("frontdoor.timescales.urls")),
    path("records/", include("frontdoor.records.urls")),
    path("people/", include("frontdoor.people.urls")),
    path("contacts/", include("frontdoor.contacts.urls")),
    path("casework/", include("frontdoor.casework.urls")),
    path("protection/", include("frontdoor.protection.urls")),
    path("returns/", include("frontdoor.returns.urls")),
    path("workforce/", include("frontdoor.workforce.urls")),
    path("quality/", include("frontdoor.quality.urls")),
    path("partners/", include("frontdoor.partners.urls")),
    path("early-help/", include("frontdoor.earlyhelp.urls")),
    path("insight/", include("frontdoor.insight.urls")),
    path("retention/", include("frontdoor.retention.urls")),
    path("api/", include("frontdoor.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", views.api_docs, name="api-docs"),
    path("django-admin/", admin.site.urls),
]
