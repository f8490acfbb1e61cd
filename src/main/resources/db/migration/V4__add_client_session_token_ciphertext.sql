-- Client session tokens at rest: the readable copy becomes an AES-GCM ciphertext (filled for existing rows by the
-- Java migration V5, which has the key), and V6 drops the plaintext column.
alter table client_sessions add column token_ciphertext text;
