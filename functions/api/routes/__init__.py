"""One Router per resource; api.app includes them, and the local server reuses the app."""
