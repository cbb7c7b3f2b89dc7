:- initialization(main, main).

main :-
    read_line_to_string(user_input, Line),
    (   Line == end_of_file
    ->  Name = "world"
    ;   normalize_space(string(Trimmed), Line),
        (Trimmed == "" -> Name = "world" ; Name = Trimmed)
    ),
    format("Hello, ~w!~n", [Name]).
