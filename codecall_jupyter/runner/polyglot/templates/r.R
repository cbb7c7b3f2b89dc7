con <- file("stdin")
name <- trimws(paste(readLines(con, warn = FALSE), collapse = " "))
close(con)
if (name == "") name <- "world"
cat(sprintf("Hello, %s!\n", name))
