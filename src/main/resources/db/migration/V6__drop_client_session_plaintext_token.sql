alter table client_sessions alter column token_ciphertext set not null;
alter table client_sessions drop column token;
