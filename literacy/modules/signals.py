"""What someone learnt before signing in is kept in their account."""


def learning_progress_on_login(sender, request, user, **kwargs):
    from .progress import carry_over

    if request is not None and hasattr(request, "session"):
        carry_over(request, user)
