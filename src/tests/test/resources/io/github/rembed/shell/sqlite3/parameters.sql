.param list
SELECT :x, @y, $z, ?1;
.param set :x 42
.param set @y 'hello world'
.parameter set $z 2.5
.param set :t "'quoted'"
.param set :e 1+2
.param set :w abc
.param set :blob x'00ff'
.param list
SELECT :x, typeof(:x), @y, typeof(@y), $z, typeof($z), :t, :e, :w, typeof(:blob), :nope IS NULL;
SELECT :x + :x, ?2;
SELECT ':x', "@y", '$z' -- :x
;
.param unset :x
SELECT :x IS NULL;
.param clear
.param list
SELECT @y IS NULL;
.parameter init
SELECT count(*) FROM temp.sqlite_parameters;
.header on
.header off
SELECT 5;
