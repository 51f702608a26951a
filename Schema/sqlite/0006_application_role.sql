-- PostgreSQL only: the server's database role with only the privileges it needs. An embedded
-- SQLite file has no roles: whoever can write the file can change it, so the file's own
-- permissions are its only guard (README "Security").
SELECT 1;
