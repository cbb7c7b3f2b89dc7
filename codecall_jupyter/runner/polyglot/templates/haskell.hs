main :: IO ()
main = do
  input <- getContents
  let name = case words input of
        [] -> "world"
        (w : _) -> w
  putStrLn ("Hello, " ++ name ++ "!")
