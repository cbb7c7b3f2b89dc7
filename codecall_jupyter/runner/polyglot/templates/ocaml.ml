let () =
  let name = try String.trim (input_line stdin) with End_of_file -> "" in
  let name = if name = "" then "world" else name in
  Printf.printf "Hello, %s!\n" name
