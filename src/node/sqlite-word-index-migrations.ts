// Owns the SQLite migrations of the message word index (search-words.ts,
// sqlite-people-storage.ts, sqlite-search-indexer.ts), which sqlite-migrations.ts
// lists in their places among the others.

/**
 * 7: message search by words (search-words.ts) in place of trigrams: a common word's trigrams
 * (and those of every word it shares them with) made its posting lists long, so common-word
 * queries were slow. The words are cut in JavaScript by natter_search_words (registered on every
 * connection that writes, sqlite-people-storage.ts); Chinese and emoji are one word per character,
 * so they are still found anywhere. The index splits only at the spaces that function puts in.
 */
export const WORD_INDEX = `
  DROP TRIGGER message_search_insert;
  DROP TRIGGER message_search_update;
  DROP TRIGGER message_search_delete;
  DROP TABLE message_search;
  CREATE VIRTUAL TABLE message_words USING fts5(
    words, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 categories 'L* M* N* P* S* C*'"
  );
  INSERT INTO message_words (rowid, words)
    SELECT m.id, natter_search_words(json_extract(m.json, '$.message.body.msg')) FROM message_search_keys k JOIN messages m ON m.id = k.id;
  CREATE TRIGGER message_words_insert AFTER INSERT ON messages
    WHEN json_extract(new.json, '$.message.body.type') = 'txt'
  BEGIN
    INSERT INTO message_words (rowid, words) VALUES (new.id, natter_search_words(json_extract(new.json, '$.message.body.msg')));
    INSERT INTO message_search_keys (id, key, seq) VALUES (new.id, new.key, new.seq);
  END;
  CREATE TRIGGER message_words_update AFTER UPDATE OF json ON messages
  BEGIN
    DELETE FROM message_words WHERE rowid = old.id;
    DELETE FROM message_search_keys WHERE id = old.id;
    INSERT INTO message_words (rowid, words)
      SELECT new.id, natter_search_words(json_extract(new.json, '$.message.body.msg')) WHERE json_extract(new.json, '$.message.body.type') = 'txt';
    INSERT INTO message_search_keys (id, key, seq)
      SELECT new.id, new.key, new.seq WHERE json_extract(new.json, '$.message.body.type') = 'txt';
  END;
  CREATE TRIGGER message_words_delete AFTER DELETE ON messages
  BEGIN
    DELETE FROM message_words WHERE rowid = old.id;
    DELETE FROM message_search_keys WHERE id = old.id;
  END;
  `;

/**
 * 11: the word index is filled after the commit that stores a message, many rows at a time, up to
 * a mark (sqlite-search-indexer.ts): the insert trigger keeps only the search keys; edits and
 * deletes touch the index only for rows it already holds.
 */
export const WORD_INDEX_AFTER_COMMIT = `
  CREATE TABLE message_words_head (id INTEGER PRIMARY KEY CHECK (id = 1), upto INTEGER NOT NULL);
  INSERT INTO message_words_head (id, upto) SELECT 1, COALESCE(MAX(id), 0) FROM messages;
  DROP TRIGGER message_words_insert;
  DROP TRIGGER message_words_update;
  DROP TRIGGER message_words_delete;
  CREATE TRIGGER message_words_insert AFTER INSERT ON messages
    WHEN json_extract(new.json, '$.message.body.type') = 'txt'
  BEGIN
    INSERT INTO message_search_keys (id, key, seq) VALUES (new.id, new.key, new.seq);
  END;
  CREATE TRIGGER message_words_update AFTER UPDATE OF json ON messages
  BEGIN
    DELETE FROM message_words WHERE rowid = old.id AND old.id <= (SELECT upto FROM message_words_head);
    DELETE FROM message_search_keys WHERE id = old.id;
    INSERT INTO message_words (rowid, words)
      SELECT new.id, natter_search_words(json_extract(new.json, '$.message.body.msg'))
      WHERE json_extract(new.json, '$.message.body.type') = 'txt' AND new.id <= (SELECT upto FROM message_words_head);
    INSERT INTO message_search_keys (id, key, seq)
      SELECT new.id, new.key, new.seq WHERE json_extract(new.json, '$.message.body.type') = 'txt';
  END;
  CREATE TRIGGER message_words_delete AFTER DELETE ON messages
  BEGIN
    DELETE FROM message_words WHERE rowid = old.id AND old.id <= (SELECT upto FROM message_words_head);
    DELETE FROM message_search_keys WHERE id = old.id;
  END;
  `;

/**
 * 12: the word index holds each message's conversation key in a column of its own, so a search
 * in a user's few conversations is one index query (its words AND any of their keys, newest
 * first) instead of the matches of every conversation filtered afterwards. Rebuilt from the
 * rows it held.
 */
export const WORD_INDEX_BY_CONVERSATION = `
  DROP TRIGGER message_words_update;
  DROP TRIGGER message_words_delete;
  DROP TABLE message_words;
  CREATE VIRTUAL TABLE message_words USING fts5(
    words, conv, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 categories 'L* M* N* P* S* C*'"
  );
  INSERT INTO message_words (rowid, words, conv)
    SELECT id, natter_search_words(json_extract(json, '$.message.body.msg')), key FROM messages
    WHERE id <= (SELECT upto FROM message_words_head) AND json_extract(json, '$.message.body.type') = 'txt';
  CREATE TRIGGER message_words_update AFTER UPDATE OF json ON messages
  BEGIN
    DELETE FROM message_words WHERE rowid = old.id AND old.id <= (SELECT upto FROM message_words_head);
    DELETE FROM message_search_keys WHERE id = old.id;
    INSERT INTO message_words (rowid, words, conv)
      SELECT new.id, natter_search_words(json_extract(new.json, '$.message.body.msg')), new.key
      WHERE json_extract(new.json, '$.message.body.type') = 'txt' AND new.id <= (SELECT upto FROM message_words_head);
    INSERT INTO message_search_keys (id, key, seq)
      SELECT new.id, new.key, new.seq WHERE json_extract(new.json, '$.message.body.type') = 'txt';
  END;
  CREATE TRIGGER message_words_delete AFTER DELETE ON messages
  BEGIN
    DELETE FROM message_words WHERE rowid = old.id AND old.id <= (SELECT upto FROM message_words_head);
    DELETE FROM message_search_keys WHERE id = old.id;
  END;
  `;

/**
 * 13: the list of indexed words (message_word_list), which a search turns a partly typed word
 * into whole words with (sqlite-message-search.ts): filled from the rows the index holds, kept by
 * the indexer (sqlite-search-indexer.ts) and, for edits of rows the index holds, by the trigger.
 * natter_search_word_list is registered with the search words (sqlite-people-storage.ts).
 */
export const WORD_LIST = `
  CREATE TABLE message_word_list (word TEXT PRIMARY KEY) WITHOUT ROWID;
  INSERT OR IGNORE INTO message_word_list (word)
    SELECT w.value FROM messages m, json_each(natter_search_word_list(json_extract(m.json, '$.message.body.msg'))) w
    WHERE m.id <= (SELECT upto FROM message_words_head) AND json_extract(m.json, '$.message.body.type') = 'txt';
  DROP TRIGGER message_words_update;
  CREATE TRIGGER message_words_update AFTER UPDATE OF json ON messages
  BEGIN
    DELETE FROM message_words WHERE rowid = old.id AND old.id <= (SELECT upto FROM message_words_head);
    DELETE FROM message_search_keys WHERE id = old.id;
    INSERT INTO message_words (rowid, words, conv)
      SELECT new.id, natter_search_words(json_extract(new.json, '$.message.body.msg')), new.key
      WHERE json_extract(new.json, '$.message.body.type') = 'txt' AND new.id <= (SELECT upto FROM message_words_head);
    INSERT OR IGNORE INTO message_word_list (word)
      SELECT value FROM json_each(natter_search_word_list(json_extract(new.json, '$.message.body.msg')))
      WHERE json_extract(new.json, '$.message.body.type') = 'txt' AND new.id <= (SELECT upto FROM message_words_head);
    INSERT INTO message_search_keys (id, key, seq)
      SELECT new.id, new.key, new.seq WHERE json_extract(new.json, '$.message.body.type') = 'txt';
  END;
  `;

/**
 * 14: a message's search key (message_search_keys: its conversation and seq, which a search joins
 * the index's rows with) is written by the indexer along with its words, after the commit, instead
 * of by an insert trigger inside it: one b-tree page fewer written in every commit that stores a
 * message (10 pages for a message between two users), and no JSON read by the trigger. Keys only
 * ever serve rows the index holds; rows past the mark keep any key they have (the indexer replaces it).
 */
export const SEARCH_KEYS_AFTER_COMMIT = `
  DROP TRIGGER message_words_insert;
  `;
