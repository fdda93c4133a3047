-- The instant the data runs up to: the latest timestamp in it, never the build machine's clock, so that two builds
-- of the same input are identical and open handoffs are censored where the data ends.
SELECT greatest((SELECT max(created_at) FROM leads), (SELECT max("at") FROM events)) AS data_end;
