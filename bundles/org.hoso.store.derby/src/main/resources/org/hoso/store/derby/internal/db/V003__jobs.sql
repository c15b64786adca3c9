-- Jobs of small idempotent tasks (DerbyJobService, JobTables.java). Times are milliseconds since 1970-01-01 UTC.
CREATE TABLE JOB (
    ID           BIGINT       NOT NULL PRIMARY KEY,
    TITLE        VARCHAR(400) NOT NULL,
    ACTOR        VARCHAR(200) NOT NULL,
    STATE        VARCHAR(20)  NOT NULL,
    SUBMITTED_AT BIGINT       NOT NULL,
    ENDED_AT     BIGINT
);
-- One row per task. STATE: PENDING, RUNNING, DONE, FAILED, CANCELLED. ATTEMPT counts the runs that were started and
-- not stopped cleanly: a row left RUNNING by a killed process goes back to PENDING when the job service starts.
CREATE TABLE TASK (
    JOB_ID      BIGINT        NOT NULL,
    SEQ         INT           NOT NULL,
    KIND        VARCHAR(100)  NOT NULL,
    TASK_KEY    VARCHAR(400)  NOT NULL,
    INPUT_TEXT  CLOB          NOT NULL,
    STATE       VARCHAR(20)   NOT NULL,
    ATTEMPT     INT           NOT NULL,
    STARTED_AT  BIGINT,
    FINISHED_AT BIGINT,
    RESULT      VARCHAR(4000),
    ERROR       VARCHAR(4000),
    PRIMARY KEY (JOB_ID, SEQ),
    CONSTRAINT TASK_JOB FOREIGN KEY (JOB_ID) REFERENCES JOB (ID),
    CONSTRAINT TASK_KEY_UNIQUE UNIQUE (JOB_ID, TASK_KEY)
);
-- Workers look for the first pending task of the oldest job; progress counts tasks by state.
CREATE INDEX TASK_BY_STATE ON TASK (STATE, JOB_ID, SEQ);
