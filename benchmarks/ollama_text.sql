-- Text embedding benchmark: rembed per row against rembed_batch, on a real Ollama and on the
-- in-process all-MiniLM-L6-v2 model.
--
-- Needs: Ollama running (OLLAMA_HOST if it is not http://localhost:11434) with
--   ollama pull nomic-embed-text
-- Run:
--   ./rembed bench.db < benchmarks/ollama_text.sql
--
-- Timings come from separate statements: SQLite fixes julianday('now') for the whole of one
-- statement. Every result is stored in a table, so no call is skipped.
.bail on
.headers on
.mode column

INSERT INTO temp.rembed_clients(name, options) VALUES ('nomic', 'ollama::nomic-embed-text');

CREATE TEMP TABLE texts AS
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
  SELECT i AS id, 'Note ' || i || ': vector search ranks documents by the cosine distance between embeddings, '
         || 'so a question about sailing finds texts on yachts, harbours and tides (' || (i * 7919 % 1000) || ').' AS t
  FROM n;

CREATE TEMP TABLE clock(step TEXT PRIMARY KEY, ms REAL);
-- The time from the last 'start' mark to the last 'end' mark.
CREATE TEMP VIEW elapsed AS
  SELECT (SELECT ms FROM clock WHERE step = 'end') - (SELECT ms FROM clock WHERE step = 'start') AS ms;
CREATE TEMP TABLE results(method TEXT, texts INTEGER, wall_ms REAL);

-- Warm up: Ollama loads the model on the first request.
SELECT length(rembed('nomic', 'warm up')) AS nomic_bytes, length(rembed('local', 'warm up')) AS local_bytes;

INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_nomic_rows AS SELECT id, rembed('nomic', t) AS e FROM texts;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'nomic: rembed per row (one request per text)', count(e),
  (SELECT ms FROM elapsed) FROM out_nomic_rows;

INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_nomic_batch AS SELECT rembed_batch('nomic', json_group_array(t)) AS r FROM texts;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'nomic: rembed_batch (one request per batch_size texts)', json_array_length(r),
  (SELECT ms FROM elapsed) FROM out_nomic_batch;

INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_local_rows AS SELECT id, rembed('local', t) AS e FROM texts;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'local: rembed per row', count(e),
  (SELECT ms FROM elapsed) FROM out_local_rows;

INSERT OR REPLACE INTO clock VALUES ('start', julianday('now') * 86400000.0);
CREATE TEMP TABLE out_local_batch AS SELECT rembed_batch('local', json_group_array(t)) AS r FROM texts;
INSERT OR REPLACE INTO clock VALUES ('end', julianday('now') * 86400000.0);
INSERT INTO results SELECT 'local: rembed_batch', json_array_length(r),
  (SELECT ms FROM elapsed) FROM out_local_batch;

SELECT method, texts, round(wall_ms) AS wall_ms, round(texts * 1000.0 / wall_ms, 1) AS texts_per_sec
FROM results ORDER BY rowid;
