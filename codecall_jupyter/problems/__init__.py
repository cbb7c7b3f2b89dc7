"""The problem bank: problems as folders (statement, tests, starters, solutions), read
from the package, from operators' folders and from users' own problems."""
