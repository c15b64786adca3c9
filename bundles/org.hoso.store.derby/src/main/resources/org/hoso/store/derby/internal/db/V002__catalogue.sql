-- The catalogue: one row per fonds, scheme node, file unit and document. The full description (every field with
-- its provenance) is JSON in DESCRIPTION; the columns beside it are copies of what common queries need
-- (file code, dates, box, retention, access, type), kept in step by the store in the same transaction.
-- Ids come from ID_SEQUENCE, reserved in ranges inside the writing transaction, so that a bulk import can insert in
-- batches (Derby returns no generated keys for a batch).
CREATE TABLE ID_SEQUENCE (
    NAME    VARCHAR(30) NOT NULL PRIMARY KEY,
    NEXT_ID BIGINT      NOT NULL
);
INSERT INTO ID_SEQUENCE (NAME, NEXT_ID) VALUES ('SCHEME_NODE', 1), ('FILE_UNIT', 1), ('ITEM', 1);
CREATE TABLE FONDS (
    CODE        VARCHAR(50)    NOT NULL PRIMARY KEY,
    NAME        VARCHAR(500)   NOT NULL,
    DESCRIPTION VARCHAR(32672) NOT NULL
);
CREATE TABLE SCHEME_NODE (
    ID          BIGINT         NOT NULL PRIMARY KEY,
    FONDS_CODE  VARCHAR(50)    NOT NULL REFERENCES FONDS (CODE),
    PARENT_ID   BIGINT         REFERENCES SCHEME_NODE (ID),
    CODE        VARCHAR(50)    NOT NULL,
    TITLE       VARCHAR(1000)  NOT NULL,
    POSITION    INT            NOT NULL
);
CREATE INDEX SCHEME_NODE_TREE ON SCHEME_NODE (FONDS_CODE, PARENT_ID, POSITION);
CREATE TABLE FILE_UNIT (
    ID             BIGINT         NOT NULL PRIMARY KEY,
    FONDS_CODE     VARCHAR(50)    NOT NULL REFERENCES FONDS (CODE),
    SCHEME_NODE_ID BIGINT         NOT NULL REFERENCES SCHEME_NODE (ID),
    FILE_CODE      VARCHAR(100)   NOT NULL UNIQUE,
    FILE_NUMBER    INT            NOT NULL,
    BOX            VARCHAR(50),
    START_DATE     DATE,
    END_DATE       DATE,
    RETENTION_CODE CHAR(2),
    ACCESS_CODE    CHAR(2),
    DESCRIPTION    VARCHAR(32672) NOT NULL,
    CONSTRAINT FILE_UNIT_NUMBER UNIQUE (FONDS_CODE, FILE_NUMBER)
);
CREATE INDEX FILE_UNIT_NODE ON FILE_UNIT (SCHEME_NODE_ID, FILE_NUMBER);
CREATE INDEX FILE_UNIT_DATES ON FILE_UNIT (START_DATE, END_DATE);
CREATE INDEX FILE_UNIT_BOX ON FILE_UNIT (FONDS_CODE, BOX);
-- DOC_CODE is derived (the file code and the position, both unique together): no index of its own, which
-- would cost every inserted document a B-tree insert.
CREATE TABLE ITEM (
    ID          BIGINT         NOT NULL PRIMARY KEY,
    FILE_ID     BIGINT         NOT NULL REFERENCES FILE_UNIT (ID),
    POSITION    INT            NOT NULL,
    DOC_CODE    VARCHAR(120)   NOT NULL,
    ITEM_DATE   DATE,
    TYPE_CODE   CHAR(2),
    DESCRIPTION VARCHAR(32672) NOT NULL,
    CONSTRAINT ITEM_POSITION UNIQUE (FILE_ID, POSITION)
);
CREATE INDEX ITEM_DATE ON ITEM (ITEM_DATE);
