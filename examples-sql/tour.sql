-- The rembed tour: offline, no key needed. From the repository root:
--   ./rembed < examples-sql/tour.sql
-- (its sqlite-vec step loads .cache/sqlite-vec/vec0, which ./rembed --demo fetches once)
.load ./rembed0

-- The offline default: 384 dimensions, float32 little-endian.
SELECT length(rembed('all-minilm-l6-v2', 'hello world'));            -- 1536
SELECT rembed('local', 'hello') = rembed('all-minilm-l6-v2', 'hello'); -- 1: 'local' is an alias

-- Many texts at once: a JSON array of base64 embeddings, in input order (NULL stays null).
SELECT json_array_length(rembed_batch('local', json_array('first', NULL, 'third')));        -- 3
SELECT base64_decode(rembed_batch('local', json_array('first')) ->> 0) = rembed('local', 'first'); -- 1

-- Remote clients are registered with plain INSERTs, as with sqlite-rembed. Registering needs
-- no server and no key: a missing key is reported when the client is first called.
INSERT INTO temp.rembed_clients(name, options) VALUES
  ('text-embedding-3-small', 'openai'),          -- the name doubles as the model; key from OPENAI_API_KEY
  ('nomic', 'ollama::nomic-embed-text'),         -- provider::model; OLLAMA_HOST honoured
  ('embed-english-v3.0', 'cohere:co-example'),   -- provider:key
  ('custom', rembed_client_options('format', 'openai', 'model', 'my-model',
      'url', 'http://127.0.0.1:8080/v1/embeddings', 'key', 'sk-example', 'batch_size', 32));
SELECT name FROM temp.rembed_clients ORDER BY name;    -- list them
DELETE FROM temp.rembed_clients WHERE name = 'custom'; -- remove one; re-inserting a name replaces it

-- Semantic search with sqlite-vec.
.load .cache/sqlite-vec/vec0
CREATE TABLE docs(id INTEGER PRIMARY KEY, body TEXT);
INSERT INTO docs(body) VALUES
  ('Simmer crushed tomatoes with garlic and basil for a quick pasta sauce.'),
  ('The telescope captured light from a galaxy billions of years away.'),
  ('Brush long-haired dogs every week to keep their coat free of knots.'),
  ('Central banks raise interest rates to slow down inflation.');
CREATE VIRTUAL TABLE docs_vec USING vec0(embedding float[384]);
INSERT INTO docs_vec(rowid, embedding) SELECT id, rembed('local', body) FROM docs;
WITH nearest AS (
  SELECT rowid, distance FROM docs_vec
   WHERE embedding MATCH rembed('local', 'how do I make pizza sauce?') AND k = 2)
SELECT docs.body FROM nearest JOIN docs ON docs.id = nearest.rowid ORDER BY nearest.distance;

-- Helpers.
SELECT readfile_base64(readfile('examples-sql/tour.sql')) = readfile_base64('examples-sql/tour.sql'); -- 1
SELECT base64_encode(x'00ff'), hex(base64_decode('AP8='));                                          -- AP8=|00FF
SELECT rembed_version();
