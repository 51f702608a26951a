-- PostgreSQL only: changes to agencies, partnerships and tokens announced to the servers that keep
-- them in memory. An embedded SQLite file cannot announce anything to another process, so a
-- server on one keeps nothing in memory and reads them on every request (IdentityCache).
SELECT 1;
