"""colt-tui: the command line and the Textual browser over the parser's results."""
