"""One-use tokens for answer forms, kept in the player's session.

Each form shown gets a fresh token for its scope (a question, a round); the answer is accepted
only with the scope's current token, which it uses up. A replayed or forged submission finds
no token and is refused before anything is stored.
"""

import secrets

from django.utils.crypto import constant_time_compare

SESSION_KEY = "games:tokens"
MAX_SCOPES = 50


def issue(request, scope):
    tokens = request.session.get(SESSION_KEY, {})
    tokens.pop(scope, None)
    tokens[scope] = secrets.token_urlsafe(24)
    while len(tokens) > MAX_SCOPES:  # the oldest scopes go first
        tokens.pop(next(iter(tokens)))
    request.session[SESSION_KEY] = tokens
    return tokens[scope]


def redeem(request, scope, token):
    """True, and the token is used up, if ``token`` is the scope's current one."""
    tokens = request.session.get(SESSION_KEY, {})
    expected = tokens.get(scope)
    if not expected or not token or not constant_time_compare(expected, token):
        return False
    del tokens[scope]
    request.session[SESSION_KEY] = tokens
    return True
