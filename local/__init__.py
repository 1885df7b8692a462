"""Running the serverless app on a laptop: no Docker, no AWS account."""
