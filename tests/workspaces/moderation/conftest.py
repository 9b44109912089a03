# The same people and workspaces as the discussion tests.
from tests.workspaces.discussions.conftest import login, seeded_team, team  # noqa: F401
