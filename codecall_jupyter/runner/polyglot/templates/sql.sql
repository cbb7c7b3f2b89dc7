CREATE TABLE IF NOT EXISTS people (name TEXT);
SELECT 'Hello, ' || COALESCE((SELECT name FROM people LIMIT 1), 'world') || '!';
