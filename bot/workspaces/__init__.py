"""Many workspaces: the OAuth install flow and a workspace's life with the app."""
