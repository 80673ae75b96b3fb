"""Publishing a built site: checks of the output, GitHub Pages pre-flight, the Actions workflow
and `deploy` to a gh-pages branch."""
