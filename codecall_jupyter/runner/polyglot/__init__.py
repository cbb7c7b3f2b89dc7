"""The polyglot kernel: compiles and runs every language of the table (languages.py) and
judges test cases, one JSON spec per execute request (see kernel.py and modes.py).

Inside the sandbox this package is the top-level ``codecall_polyglot``: it imports only
the standard library and ipykernel, and its modules import each other relatively.
Nothing is imported here, so that ``import codecall_polyglot`` stays cheap.
"""
