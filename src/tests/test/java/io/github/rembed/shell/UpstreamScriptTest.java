package io.github.rembed.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rembed.SimServer;
import io.github.rembed.simulator.Endpoint;
import io.github.rembed.simulator.SimulatedProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script in the style of sqlite-rembed's and its fork's own (.load ./rembed0, .bail on,
 * .mode box, .header on, several clients of several providers in one INSERT, .param set),
 * run by the shell against the simulated provider.
 */
class UpstreamScriptTest {
    @RegisterExtension
    static final SimServer sim = new SimServer(b -> b.embeddingDimensions(12));

    @TempDir
    Path dir;

    @Test
    void anUpstreamStyleScriptRunsUnchanged() {
        String script = """
                .load ./rembed0
                .bail on
                .mode box
                .header on

                INSERT INTO temp.rembed_clients(name, options) VALUES
                  ('text-embedding-3-small', rembed_client_options('format', 'openai', 'url', 'SIM/v1/embeddings', 'key', 'sk-test')),
                  ('nomic', rembed_client_options('format', 'ollama', 'model', 'nomic-embed-text', 'url', 'SIM')),
                  ('embed-english-v3.0', '{"provider": "cohere", "api_key": "co-test", "url": "SIM"}'),
                  ('mxbai-embed-large-v1-f16', rembed_client_options('format', 'llamafile', 'url', 'SIM/embedding'));

                SELECT name FROM temp.rembed_clients ORDER BY name;

                .param set :query 'obama the person'
                SELECT length(rembed('text-embedding-3-small', :query)) AS openai,
                       length(rembed('nomic', :query)) AS ollama,
                       length(rembed('embed-english-v3.0', :query, 'search_query')) AS cohere,
                       length(rembed('mxbai-embed-large-v1-f16', :query)) AS llamafile,
                       rembed('nomic', :query) = rembed('nomic', 'obama the person') AS bound;

                CREATE TABLE test_texts (id INTEGER PRIMARY KEY, content TEXT);
                INSERT INTO test_texts (content) VALUES
                  ('The quick brown fox jumps over the lazy dog'),
                  ('SQLite is a powerful embedded database');
                WITH batch_input AS (SELECT json_group_array(content) AS texts_json FROM test_texts)
                SELECT 'Batch size: ' || json_array_length(texts_json) AS info,
                       json_array_length(rembed_batch('nomic', texts_json)) AS embeddings
                FROM batch_input;
                .exit
                """.replace("SIM", sim.baseUrl());
        ShellRunner.Result r = ShellRunner.script(dir, script);
        assertEquals("", r.err());
        assertEquals(0, r.code());
        assertEquals("""
                ┌──────────────────────────┐
                │           name           │
                ├──────────────────────────┤
                │ all-minilm-l6-v2         │
                │ embed-english-v3.0       │
                │ local                    │
                │ mxbai-embed-large-v1-f16 │
                │ nomic                    │
                │ text-embedding-3-small   │
                └──────────────────────────┘
                ┌────────┬────────┬────────┬───────────┬───────┐
                │ openai │ ollama │ cohere │ llamafile │ bound │
                ├────────┼────────┼────────┼───────────┼───────┤
                │ 48     │ 48     │ 48     │ 48        │ 1     │
                └────────┴────────┴────────┴───────────┴───────┘
                ┌───────────────┬────────────┐
                │     info      │ embeddings │
                ├───────────────┼────────────┤
                │ Batch size: 2 │ 2          │
                └───────────────┴────────────┘
                """, r.out());
        assertEquals(1, sim.metrics().requests(Endpoint.COHERE_EMBED_V2));
        assertEquals(1, sim.metrics().requests(Endpoint.LLAMAFILE_EMBEDDING));
    }

    /**
     * sqlite-rembed's own search demo (examples/simple-search/demo.sql), word for word but for
     * the client's endpoint (the simulator instead of OpenAI) and where sqlite-vec lives.
     */
    @Test
    void sqliteRembedsSearchDemoRuns() throws Exception {
        String vec = System.getProperty("rembed.sqliteVec");
        assumeTrue(vec != null && !vec.isBlank(), "rembed.sqliteVec is not set (./rembed --test sets it)");
        try (SimulatedProvider openAi = SimulatedProvider.builder().embeddingDimensions(1536).start()) {
            String script = """
                    .bail on
                    .mode table
                    .header on

                    .load ../../dist/debug/rembed0
                    .load VEC

                    INSERT INTO temp.rembed_clients(name, options)
                     VALUES ('text-embedding-3-small', rembed_client_options('format', 'openai', 'url', 'SIM/v1/embeddings', 'key', 'sk-test'));

                    create table articles(headline text);

                    -- Random NPR headlines from 2024-06-04
                    insert into articles VALUES
                      ('Shohei Ohtani''s ex-interpreter pleads guilty to charges related to gambling and theft'),
                      ('The jury has been selected in Hunter Biden''s gun trial'),
                      ('Larry Allen, a Super Bowl champion and famed Dallas Cowboy, has died at age 52'),
                      ('After saying Charlotte, a lone stingray, was pregnant, aquarium now says she''s sick'),
                      ('An Epoch Times executive is facing money laundering charge');

                    -- Seed a vector table with embeddings of article headlines, using OpenAI's API
                    create virtual table vec_articles using vec0(headline_embeddings float[1536]);

                    insert into vec_articles(rowid, headline_embeddings)
                      select rowid, rembed('text-embedding-3-small', headline)
                      from articles;

                    .param set :query 'firearm courtroom'

                    with matches as (
                      select
                        rowid,
                        distance
                      from vec_articles
                      where headline_embeddings match rembed('text-embedding-3-small', :query)
                      order by distance
                      limit 3
                    )
                    select
                      headline,
                      distance
                    from matches
                    left join articles on articles.rowid = matches.rowid;
                    """.replace("SIM", openAi.baseUrl()).replace("VEC", vec);
            ShellRunner.Result r = ShellRunner.script(dir, script);
            assertEquals("", r.err());
            assertEquals(0, r.code());
            String[] lines = r.out().split("\n");
            assertEquals(12, lines.length, "three headlines, each wrapped at 60 characters as sqlite3 does: " + r.out());
            assertTrue(lines[1].matches("\\|\\s+headline\\s+\\|\\s+distance\\s+\\|"), lines[1]);
            assertEquals(6, openAi.metrics().requests(Endpoint.OPENAI_EMBEDDINGS), "five headlines and the query");
        }
    }
}
