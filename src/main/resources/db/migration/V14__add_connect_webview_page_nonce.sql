-- The nonce the Connect Webview page puts in its form; the completion POST must carry it back.
alter table connect_webviews add column page_nonce text;
