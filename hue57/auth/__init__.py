"""Accounts and signing in, for every page that needs a login and for `python -m hue57 user …`.

Security rule of the package: a refusal never says why. An unknown name, a wrong password, an account
whose role may not sign in there, and a throttled attempt get the same words (`refusal`) after the same
time; nothing a stranger does can lock an analyst out (throttling is per account and per address and
account, capped, see `hue57.auth._sign_in`). Passwords are stored only as salted scrypt hashes; every attempt is recorded.

    add_user(db, name, role, password)                 → None, or raises UserRefused(key, **params)
    authenticate(db, name, password, client=, roles=)  → AuthResult(ok, outcome, name, role)
    refusal(lang)                                      → the one refusal message
    login_attempts(db, since=, limit=)                 → at, name, client, result (newest first, UTC)
    attempts_table(db, lang, limit=)                   → the same for reading: local time, results in words
"""

from hue57.auth._accounts import MIN_PASSWORD, ROLES, SIGN_IN_ROLES, UserRefused, add_user
from hue57.auth._address import client_address
from hue57.auth._attempts import attempts_table
from hue57.auth._peer import connection_peer, joined_headers
from hue57.auth._sign_in import OUTCOMES, AuthResult, authenticate, client_key
from hue57.i18n import t
from hue57.store._users import list_users, login_attempts


def refusal(lang: str = "vi") -> str:
    """What a refused sign-in says, whatever the reason."""
    return t("auth.refused", lang)


__all__ = ["MIN_PASSWORD", "OUTCOMES", "ROLES", "SIGN_IN_ROLES", "AuthResult", "UserRefused", "add_user",
           "attempts_table", "authenticate", "client_address", "client_key", "connection_peer", "joined_headers",
           "list_users", "login_attempts", "refusal"]
