"""Accounts, signing in and sessions, for every page that needs a sign-in and for `python -m hue57 user …`.

Security rule of the package: a refusal never says why. An unknown name, a wrong password, an account
whose role may not sign in there, a disabled account and a throttled attempt get the same words (`refusal`)
after the same time; nothing a stranger does can lock an analyst out (throttling is per account and per address
and account, capped, see `hue57.auth._sign_in`). Passwords are stored only as salted scrypt hashes, one-time links
and session tokens only as SHA-256; every attempt and every account change is recorded.

    authenticate(db, name, password, client=, roles=)  → AuthResult(ok, outcome, name, role)
    start_session / identity / end_session              → a signed-in browser (see `hue57.auth._sessions`)
    create_account, new_link, add_agency_accounts       → AccountLink(name, url, expires): one-time links
    set_password_with_link, change_own_password, set_password, set_disabled, set_agency, set_email
    accounts(db)                                        → name, role, agency, email, state, last_sign_in, created_at
    refusal(lang)                                       → the one refusal message
    login_attempts(db, since=, limit=) / attempts_table(db, lang, limit=)
"""

from hue57.auth._accounts import (
    LINK_DAYS,
    MIN_PASSWORD,
    PAGE_ROLE,
    ROLES,
    SIGN_IN_ROLES,
    AccountLink,
    UserRefused,
    accounts,
    add_agency_accounts,
    add_user,
    agencies_without_account,
    change_own_password,
    check_password,
    create_account,
    link_holder,
    new_link,
    reporting_agencies,
    set_agency,
    set_disabled,
    set_email,
    set_password,
    set_password_with_link,
)
from hue57.auth._address import client_address
from hue57.auth._attempts import attempts_table
from hue57.auth._peer import connection_peer, joined_headers
from hue57.auth._sessions import (
    COOKIE,
    Identity,
    cookie_value,
    end_session,
    identity,
    start_session,
    token_from_cookie,
)
from hue57.auth._sign_in import OUTCOMES, AuthResult, authenticate, client_key
from hue57.i18n import t
from hue57.store._sessions import account_changes
from hue57.store._users import list_users, login_attempts


def refusal(lang: str = "vi") -> str:
    """What a refused sign-in says, whatever the reason."""
    return t("auth.refused", lang)


__all__ = ["COOKIE", "LINK_DAYS", "MIN_PASSWORD", "OUTCOMES", "PAGE_ROLE", "ROLES", "SIGN_IN_ROLES", "AccountLink",
           "AuthResult", "Identity", "UserRefused", "account_changes", "accounts", "add_agency_accounts", "add_user", "agencies_without_account",
           "attempts_table", "authenticate", "change_own_password", "check_password", "client_address", "client_key", "connection_peer",
           "cookie_value", "create_account", "end_session", "identity", "joined_headers", "link_holder", "list_users", "login_attempts",
           "new_link", "refusal", "reporting_agencies", "set_agency", "set_disabled", "set_email", "set_password",
           "set_password_with_link", "start_session", "token_from_cookie"]
