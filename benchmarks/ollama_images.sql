-- Image embedding benchmark against a real Ollama: the concurrent-processing document's
-- Sequential and Concurrent-2/-4/-6 rows, plus the batch barrier against the sliding window.
--
-- Needs:
--   * Ollama running (OLLAMA_HOST if it is not http://localhost:11434) with both models pulled:
--       ollama pull llava:7b && ollama pull nomic-embed-text
--     Ollama runs OLLAMA_NUM_PARALLEL requests per model at once; start it with
--     OLLAMA_NUM_PARALLEL=6 (or more) or Concurrent-6 cannot beat Concurrent-N for that N.
--   * A table image_files(path) in the database with at least 60 images (10 per method; fewer
--     means later methods reuse images and are served from rembed's cache: see cache_hits).
--     Paths are relative to the directory the shell is started in, e.g. from a folder of JPEGs:
--       ls photos/*.jpg | sed "s/'/''/g; s/.*/INSERT INTO image_files VALUES('&');/" \
--         | (echo "CREATE TABLE IF NOT EXISTS image_files(path TEXT PRIMARY KEY);"; cat) | ./rembed bench.db
-- Run:
--   ./rembed bench.db < benchmarks/ollama_images.sql
--
-- Each timing is taken by separate statements: SQLite fixes julianday('now') for the whole of
-- one statement, so two readings inside one statement are always equal. Every call's result
-- is stored, so SQLite cannot skip it. The concurrent rows also record the stats JSON.
.bail on
.headers on
.mode column

CREATE TABLE IF NOT EXISTS image_files(path TEXT PRIMARY KEY);
SELECT count(*) AS images_available FROM image_files;

CREATE TEMP TABLE bench_params AS SELECT 10 AS per_method;

-- One client per concurrency; the long timeout is for llava on a CPU.
INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES
  ('seq',      rembed_multimodal_client_options('format', 'ollama', 'vision_model', 'llava:7b',
                 'embedding_model', 'nomic-embed-text', 'max_concurrent_requests', 1, 'request_timeout_sec', 300)),
  ('conc-2',   rembed_multimodal_client_options('format', 'ollama', 'vision_model', 'llava:7b',
                 'embedding_model', 'nomic-embed-text', 'max_concurrent_requests', 2, 'request_timeout_sec', 300)),
  ('conc-4',   rembed_multimodal_client_options('format', 'ollama', 'vision_model', 'llava:7b',
                 'embedding_model', 'nomic-embed-text', 'max_concurrent_requests', 4, 'request_timeout_sec', 300)),
  ('conc-6',   rembed_multimodal_client_options('format', 'ollama', 'vision_model', 'llava:7b',
                 'embedding_model', 'nomic-embed-text', 'max_concurrent_requests', 6, 'request_timeout_sec', 300)),
  ('window-5', rembed_multimodal_client_options('format', 'ollama', 'vision_model', 'llava:7b',
                 'embedding_model', 'nomic-embed-text', 'max_concurrent_requests', 5, 'request_timeout_sec', 300));

-- The images of each method, read and encoded before any clock starts.
CREATE TEMP TABLE numbered AS
  SELECT path, row_number() OVER (ORDER BY path) - 1 AS rn FROM image_files ORDER BY path;
CREATE TEMP TABLE batches AS
  SELECT m.method, m.client, m.slot,
         (SELECT json_group_array(readfile_base64(n.path)) FROM numbered n
           WHERE n.rn / p.per_method = m.slot) AS images
  FROM bench_params p,
       (SELECT 'Sequential' AS method, 'seq' AS client, 0 AS slot
        UNION ALL SELECT 'Concurrent-2', 'conc-2', 1
        UNION ALL SELECT 'Concurrent-4', 'conc-4', 2
        UNION ALL SELECT 'Concurrent-6', 'conc-6', 3
        UNION ALL SELECT 'Batch barrier (groups of 5)', 'window-5', 4
        UNION ALL SELECT 'Sliding window (5)', 'window-5', 5) AS m;
-- Fewer than 60 images: reuse from the start (cache hits show in the results).
UPDATE batches SET images = (SELECT images FROM batches WHERE slot = 0) WHERE json_array_length(images) = 0;

-- Warm up outside the clock: Ollama loads both models on first use (seconds to minutes), and
-- the first call sets up rembed's HTTP connections. Its own prompt keeps it out of the cache
-- entries the measured calls would use.
INSERT INTO temp.rembed_multimodal_clients(name, options) VALUES
  ('warm-up', rembed_multimodal_client_options('format', 'ollama', 'vision_model', 'llava:7b',
                'embedding_model', 'nomic-embed-text', 'request_timeout_sec', 600,
                'vision_prompt', 'Name the main object in this image in one word.'));
SELECT length(rembed_image('warm-up', readfile(path))) AS warm_up_bytes FROM image_files ORDER BY path LIMIT 1;

CREATE TEMP TABLE clock(step TEXT PRIMARY KEY, ms REAL);
-- The time from the last 'start' mark to the last 'end' mark.
CREATE TEMP VIEW elapsed AS
  SELECT (SELECT ms FROM clock WHERE step = 'end') - (SELECT ms FROM clock WHERE step = 'start') AS ms;
CREATE TEMP TABLE results(method TEXT, images INTEGER, wall_ms REAL, stats_ms REAL, throughput REAL,
                          cache_hits INTEGER);

-- Sequential: rembed_batch on a multimodal client, one image after the other.
INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_seq AS SELECT rembed_batch(client, images) AS r FROM batches WHERE slot = 0;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'Sequential', json_array_length(r),
  (SELECT ms FROM elapsed), NULL, NULL, NULL
  FROM out_seq;

-- Concurrent-c: one rembed_images_concurrent call each.
INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_c2 AS SELECT rembed_images_concurrent(client, images) AS r FROM batches WHERE slot = 1;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'Concurrent-2', r ->> '$.stats.total_processed',
  (SELECT ms FROM elapsed),
  r ->> '$.stats.total_duration_ms', r ->> '$.stats.throughput', r ->> '$.stats.cache_hits' FROM out_c2;

INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_c4 AS SELECT rembed_images_concurrent(client, images) AS r FROM batches WHERE slot = 2;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'Concurrent-4', r ->> '$.stats.total_processed',
  (SELECT ms FROM elapsed),
  r ->> '$.stats.total_duration_ms', r ->> '$.stats.throughput', r ->> '$.stats.cache_hits' FROM out_c4;

INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_c6 AS SELECT rembed_images_concurrent(client, images) AS r FROM batches WHERE slot = 3;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'Concurrent-6', r ->> '$.stats.total_processed',
  (SELECT ms FROM elapsed),
  r ->> '$.stats.total_duration_ms', r ->> '$.stats.throughput', r ->> '$.stats.cache_hits' FROM out_c6;

-- The Rust fork's strategy: groups of 5, each awaited before the next starts. Each group is its
-- own call (one row of groups5), and SQLite evaluates them one after the other.
CREATE TEMP TABLE groups5 AS
  WITH items AS (SELECT key AS i, value AS image FROM batches, json_each(batches.images) WHERE slot = 4)
  SELECT i / 5 AS g, json_group_array(image) AS images FROM items GROUP BY i / 5 ORDER BY g;
INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_barrier AS SELECT g, rembed_images_concurrent('window-5', images) AS r FROM groups5 ORDER BY g;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'Batch barrier (groups of 5)', sum(r ->> '$.stats.total_processed'),
  (SELECT ms FROM elapsed),
  sum(r ->> '$.stats.total_duration_ms'), NULL, sum(r ->> '$.stats.cache_hits') FROM out_barrier;

-- The sliding window: one call, 5 in flight, a finished image's slot goes to the next at once.
INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_window AS SELECT rembed_images_concurrent(client, images) AS r FROM batches WHERE slot = 5;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'Sliding window (5)', r ->> '$.stats.total_processed',
  (SELECT ms FROM elapsed),
  r ->> '$.stats.total_duration_ms', r ->> '$.stats.throughput', r ->> '$.stats.cache_hits' FROM out_window;

-- Failed images are listed, not hidden.
SELECT 'Concurrent' AS call, e.value ->> 'index' AS item, e.value ->> 'stage' AS stage, e.value ->> 'error' AS error
  FROM (SELECT r FROM out_c2 UNION ALL SELECT r FROM out_c4 UNION ALL SELECT r FROM out_c6
        UNION ALL SELECT r FROM out_barrier UNION ALL SELECT r FROM out_window), json_each(r, '$.errors') AS e;

SELECT method, images, round(wall_ms) AS wall_ms, stats_ms,
       round(images * 1000.0 / wall_ms, 3) AS images_per_sec,
       printf('%.2fx', (images * 1000.0 / wall_ms)
         / (SELECT images * 1000.0 / wall_ms FROM results WHERE method = 'Sequential')) AS speedup,
       cache_hits
FROM results ORDER BY rowid;
