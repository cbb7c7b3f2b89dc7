name =
  case IO.read(:stdio, :eof) do
    :eof -> ""
    data -> String.trim(data)
  end

name = if name == "", do: "world", else: name
IO.puts("Hello, #{name}!")
