"""Knowledge versions: recording what went live, rolling back, and keeping every host's folders in step."""
