-- Semantic search, fully offline: sqlite-vec for the index, rembed's embedded
-- all-MiniLM-L6-v2 model (384 dimensions) for the embeddings. No server, no key.
-- Run from the repository root:  ./rembed --demo   (or: ./rembed < examples-sql/semantic_search.sql)
.bail on
.load .cache/sqlite-vec/vec0

CREATE TABLE docs(id INTEGER PRIMARY KEY, topic TEXT, body TEXT);
INSERT INTO docs(topic, body) VALUES
  ('cooking',   'Knead the bread dough for ten minutes, then let it rise until doubled.'),
  ('cooking',   'Simmer the tomato sauce slowly with garlic, basil and olive oil.'),
  ('cooking',   'Whisk eggs and sugar until pale before folding in the flour for a sponge cake.'),
  ('cooking',   'Sear the steak in a very hot cast iron pan and let it rest before slicing.'),
  ('cooking',   'Soak dried beans overnight so they cook evenly.'),
  ('space',     'The James Webb telescope observes distant galaxies in infrared light.'),
  ('space',     'Astronauts on the International Space Station orbit Earth every 90 minutes.'),
  ('space',     'Mars has the largest volcano in the solar system, Olympus Mons.'),
  ('space',     'A rocket must reach about 28,000 km/h to stay in low Earth orbit.'),
  ('space',     'Black holes bend light so strongly that nothing escapes their event horizon.'),
  ('pets',      'Cats purr when they are content, and sometimes when they are stressed.'),
  ('pets',      'Puppies need short, frequent walks and plenty of sleep.'),
  ('pets',      'A goldfish bowl needs regular water changes and a filter.'),
  ('pets',      'Brush long-haired dogs every week to prevent matted fur.'),
  ('pets',      'Parrots can learn to mimic words and enjoy chewing toys.'),
  ('finance',   'Diversifying your portfolio reduces the risk of any single stock.'),
  ('finance',   'Central banks raise interest rates to slow down inflation.'),
  ('finance',   'Compound interest makes early retirement savings grow much faster.'),
  ('finance',   'A bond pays fixed coupons until it matures.'),
  ('finance',   'Keep an emergency fund covering three to six months of expenses.'),
  ('health',    'Regular aerobic exercise strengthens the heart and lungs.'),
  ('health',    'Adults need seven to nine hours of sleep each night.'),
  ('health',    'Drink water throughout the day to stay hydrated in hot weather.'),
  ('health',    'Stretching after a run helps muscles recover.'),
  ('health',    'Vaccines train the immune system to recognise a virus.'),
  ('computing', 'A B-tree keeps database keys sorted so lookups take logarithmic time.'),
  ('computing', 'Garbage collectors reclaim memory that a program no longer references.'),
  ('computing', 'Use prepared statements to protect SQL queries from injection attacks.'),
  ('computing', 'Git records the history of a project as a graph of commits.'),
  ('computing', 'Virtual threads let a Java server handle many blocking requests cheaply.'),
  ('gardening', 'Tomato plants need full sun and deep, regular watering.'),
  ('gardening', 'Prune rose bushes in late winter before new growth starts.'),
  ('gardening', 'Compost adds nutrients and improves the structure of clay soil.'),
  ('gardening', 'Plant tulip bulbs in autumn, pointed end up.'),
  ('gardening', 'Mulch keeps weeds down and holds moisture in the soil.'),
  ('travel',    'Book train tickets across Europe early for the cheapest fares.'),
  ('travel',    'Pack a universal power adapter when travelling abroad.'),
  ('travel',    'Jet lag is easier if you adjust your sleep before a long flight.'),
  ('travel',    'Many museums are free on the first Sunday of the month.'),
  ('travel',    'Carry a copy of your passport separately from the original.');

-- One vector per document, computed in-process by the embedded model. vec0 ranks by L2
-- distance; MiniLM vectors have length 1, so that is the same order as cosine distance.
CREATE VIRTUAL TABLE docs_vec USING vec0(embedding float[384]);
INSERT INTO docs_vec(rowid, embedding)
  SELECT id, rembed('all-minilm-l6-v2', body) FROM docs;

.headers on
.mode column --wrap 0

.print
.print Query 1: how do I make pizza sauce?
SELECT d.topic, d.body, round(v.distance, 3) AS distance
  FROM docs_vec v JOIN docs d ON d.id = v.rowid
 WHERE v.embedding MATCH rembed('all-minilm-l6-v2', 'how do I make pizza sauce?') AND k = 3
 ORDER BY v.distance;

.print
.print Query 2: rockets and space travel
SELECT d.topic, d.body, round(v.distance, 3) AS distance
  FROM docs_vec v JOIN docs d ON d.id = v.rowid
 WHERE v.embedding MATCH rembed('all-minilm-l6-v2', 'rockets and space travel') AND k = 3
 ORDER BY v.distance;

.print
.print Query 3: my dog has tangled hair
SELECT d.topic, d.body, round(v.distance, 3) AS distance
  FROM docs_vec v JOIN docs d ON d.id = v.rowid
 WHERE v.embedding MATCH rembed('all-minilm-l6-v2', 'my dog has tangled hair') AND k = 3
 ORDER BY v.distance;

-- Cosine distance without an index: rank every document against a question.
.print
.print Query 4 (vec_distance_cosine): saving money for later
SELECT topic, body,
       round(vec_distance_cosine(rembed('all-minilm-l6-v2', body),
                                 rembed('all-minilm-l6-v2', 'saving money for later')), 3) AS cosine_distance
  FROM docs ORDER BY cosine_distance LIMIT 3;
