-- Why the concurrent-processing document's comparison SQL measures nothing. Runs offline:
--   ./rembed < benchmarks/document_sql_pitfalls.sql
-- Its Sequential test is reproduced as written, against a client whose server does not
-- exist: if rembed_batch ran, the statement would fail. It does not fail, because it never runs.
.headers on
CREATE TEMP TABLE image_files(path TEXT);
INSERT INTO image_files
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60) SELECT 'img' || i || '.jpg' FROM n;
INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES ('ollama-multimodal',
  rembed_multimodal_client_options('format', 'ollama', 'url', 'http://127.0.0.1:9'));
CREATE TEMP TABLE image_batch_test (id INTEGER PRIMARY KEY, method TEXT, duration_ms INTEGER, throughput REAL);

.print == 1. the document's Sequential test, unchanged
WITH start_time AS (SELECT julianday('now') * 86400000 as t),
     images AS (
         SELECT json_group_array(readfile_base64(path)) as batch
         FROM image_files
         LIMIT 10
     ),
     result AS (
         SELECT rembed_batch('ollama-multimodal', batch) as embeddings
         FROM images
     ),
     end_time AS (SELECT julianday('now') * 86400000 as t)
INSERT INTO image_batch_test (method, duration_ms, throughput)
SELECT
    'Sequential',
    CAST(e.t - s.t AS INTEGER),
    10.0 / ((e.t - s.t) / 1000.0)
FROM start_time s, end_time e;
-- duration 0, throughput NULL (10.0 / 0.0), and no error although the server is unreachable:
-- the result CTE is never referenced, so rembed_batch (and readfile_base64) never ran.
SELECT method, duration_ms, throughput, throughput IS NULL AS throughput_is_null FROM image_batch_test;

.print
.print == 2. julianday('now') is fixed for the whole statement
-- Three million rows are counted between the two readings; they are still equal.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000)
SELECT (SELECT count(*) FROM n) AS rows_between,
       julianday('now') * 86400000 - (SELECT julianday('now') * 86400000) AS measured_ms;

.print
.print == 3. LIMIT 10 limits the one row json_group_array returns, not the images
SELECT json_array_length((SELECT json_group_array(path) FROM image_files LIMIT 10)) AS images_in_batch;

.print
.print == what measures: one statement per clock reading (see benchmarks/ollama_images.sql)
CREATE TEMP TABLE clock(step TEXT PRIMARY KEY, ms REAL);
INSERT INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE work AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS c FROM n;
INSERT INTO clock VALUES ('end', julianday('now') * 86400000.0);
SELECT (SELECT ms FROM clock WHERE step = 'end') - (SELECT ms FROM clock WHERE step = 'start') > 0 AS measured_something;
