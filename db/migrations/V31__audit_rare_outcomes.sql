-- Filtering the trail by an outcome other than SUCCEEDED (FAILED, DENIED, ...) probed the outcome of
-- every intent newest first until a page was full: on a trail where such outcomes are rare, an empty or
-- short answer read every intent of the range (bench/console-render: 0.76 s on 1M actions, 10x that on
-- 10M). This index holds only the outcome records that are not successes, so it stays small and the
-- write path of a successful action (nearly all of them) never touches it; the filter starts from it.
CREATE INDEX audit_outcomes_rare ON audit_records (outcome, recorded_at DESC)
    WHERE kind = 'OUTCOME' AND outcome <> 'SUCCEEDED';
