CREATE TABLE t(name, n, note);
INSERT INTO t VALUES ('alphabetical', 1, NULL), ('x', 22, 'yy'), ('ünïcödé', -3, 'a b c d e f');
.nullvalue NULL
SELECT * FROM t WHERE note IS NULL;
.mode csv
SELECT * FROM t WHERE note IS NULL;
.mode line
SELECT note FROM t WHERE note IS NULL;
.mode box
.width 5 -6
SELECT * FROM t;
.mode table
.width -4 0 3
SELECT * FROM t;
.mode markdown --ww
.width 0 3 7
SELECT * FROM t;
.headers off
.mode column
.width 3 -4
SELECT * FROM t;
.headers on
SELECT name AS a_long_header, n FROM t WHERE n = 22;
.width
.separator ; #
.mode box
.mode
.mode tabs
.mode
SELECT 1, 2;
.mode box
.width 4
.param set :x 5
.param set @s 'a NULL'
SELECT :x AS x, @s AS s, :unset AS u, :x * 2 AS y;
