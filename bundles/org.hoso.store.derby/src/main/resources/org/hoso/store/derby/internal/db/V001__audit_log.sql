-- The audit chain: one row per change, hash-chained (see AuditChain.java for the hash input).
CREATE TABLE AUDIT_LOG (
    SEQ         BIGINT       NOT NULL PRIMARY KEY,
    CHANGED_AT  VARCHAR(40)  NOT NULL,
    ACTOR       VARCHAR(200) NOT NULL,
    ACTION      VARCHAR(100) NOT NULL,
    ENTITY_TYPE VARCHAR(100) NOT NULL,
    ENTITY_ID   VARCHAR(400) NOT NULL,
    BEFORE_JSON CLOB         NOT NULL,
    AFTER_JSON  CLOB         NOT NULL,
    PREV_HASH   CHAR(64)     NOT NULL,
    HASH        CHAR(64)     NOT NULL
);
-- The head of the chain, updated in the same transaction as each append: a deleted last entry shows as a head
-- that points past the end of the log.
CREATE TABLE AUDIT_HEAD (
    ID   INT      NOT NULL PRIMARY KEY,
    SEQ  BIGINT   NOT NULL,
    HASH CHAR(64) NOT NULL
);
INSERT INTO AUDIT_HEAD (ID, SEQ, HASH) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
