CREATE TABLE t(a, b TEXT, c);
INSERT INTO t VALUES (1, 'x,y', NULL), (2.5, 'say "hi"', 'tab	here'), (-3, 'it''s', 1e20), (4, 'multi
line
value', 'ünïcödé ✅ Works');
INSERT INTO t VALUES (5, 'a very long value that goes on and on and on past sixty characters for sure yes it does', 'w');
.mode box
SELECT * FROM t;
SELECT 1 AS x WHERE 0;
SELECT 'only' AS "a long header name";
.mode table
SELECT * FROM t;
.mode markdown
SELECT * FROM t;
.mode column
SELECT * FROM t;
.headers off
SELECT * FROM t;
.mode
.mode box --wrap 10 --ww
SELECT * FROM t;
.mode
.mode qbox
SELECT * FROM t;
.mode table --wrap 0
SELECT * FROM t;
.nullvalue NULL
.mode box
SELECT NULL AS n, '' AS e;
.mode col
SELECT 1;
.mode list
.mode
SELECT 1,2;
