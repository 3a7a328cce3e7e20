-- The rembed SQL functions, offline. Run from the repository root:
--   ./rembed < examples-sql/basics.sql
-- Scripts written for the Rust extension start with .load rembed0: here it is a no-op.
.load ./rembed0
.headers on

.print == versions
SELECT rembed_version() AS version;
SELECT rembed_debug() AS debug;

.print
.print == rembed(): one embedding BLOB (little-endian float32) per text
SELECT length(rembed('all-minilm-l6-v2', 'hello world')) AS bytes,
       length(rembed('all-minilm-l6-v2', 'hello world')) / 4 AS dimensions,
       rembed('local', 'hello world') = rembed('all-minilm-l6-v2', 'hello world') AS local_is_an_alias,
       rembed('local', NULL) IS NULL AS null_in_null_out;

.print
.print == rembed_batch(): a JSON array of base64 embeddings, in input order
SELECT json_array_length(rembed_batch('local', json_array('first', 'second', 'third'))) AS items,
       base64_decode(rembed_batch('local', json_array('first')) ->> 0) = rembed('local', 'first') AS same_as_rembed;

.print
.print == base64 helpers and files (paths are relative to the working directory)
SELECT base64_encode(CAST('rembed' AS BLOB)) AS encoded,
       CAST(base64_decode('cmVtYmVk') AS TEXT) AS decoded,
       length(readfile('examples-sql/basics.sql')) > 0 AS read_a_file,
       substr(readfile_base64('examples-sql/basics.sql'), 1, 16) AS file_base64_prefix,
       readfile_base64(readfile('examples-sql/basics.sql')) = readfile_base64('examples-sql/basics.sql') AS blob_or_path;

.print
.print == clients live in temp.rembed_clients; INSERT registers, DELETE removes
-- ('text-embedding-3-small', 'openai') works too once OPENAI_API_KEY is set.
INSERT INTO temp.rembed_clients(name, options) VALUES
  ('nomic', 'ollama::nomic-embed-text'),
  ('my-server', rembed_client_options('format', 'openai', 'model', 'my-model',
                                      'url', 'http://127.0.0.1:8080/v1/embeddings', 'key', 'sk-example-not-a-real-key'));
.mode column
-- The options column holds what was inserted, key included: select the parts you need.
SELECT name, CASE WHEN json_valid(options) THEN options ->> '$.url' ELSE options END AS endpoint FROM temp.rembed_clients ORDER BY name;
-- (No server runs here, so the remote clients are registered but not called.)
DELETE FROM temp.rembed_clients WHERE name = 'my-server';
SELECT count(*) AS clients_after_delete FROM temp.rembed_clients;

