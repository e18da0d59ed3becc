"""Alternative linguistic backends that feed the same warta components."""
