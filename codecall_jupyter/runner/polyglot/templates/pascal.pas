program Main;

uses SysUtils;

var
  name: string;
begin
  name := '';
  if not eof(input) then
    readln(name);
  name := Trim(name);
  if name = '' then
    name := 'world';
  writeln('Hello, ', name, '!');
end.
