"""Who you are (identity), what you may do (authorizer), and the pages to log in."""
