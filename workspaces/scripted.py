"""What a page's own script asks of a workspace view instead of a page: JSON, asked for with
`Accept: application/json` (the library's uploads, the composer's files, the chat's sending)."""

from django.http import JsonResponse


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def form_errors(form):
    """The invalid `form`'s messages, for the script to show beside what was sent: 400."""
    errors = [str(error) for errors in form.errors.values() for error in errors]
    return JsonResponse({"errors": errors}, status=400)
