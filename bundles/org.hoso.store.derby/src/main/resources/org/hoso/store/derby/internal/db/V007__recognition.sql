-- Pages of multi-page scans (FRAME: which page of the stored TIFF or PDF), what was made of each page (quality
-- findings, OCR words and text, the PDF/A page: object ids) and the renditions of documents and files (their PDF/A).
ALTER TABLE PAGE ADD COLUMN FRAME INT NOT NULL DEFAULT 1;
CREATE TABLE RECOGNITION (
    PAGE_ID     BIGINT        NOT NULL PRIMARY KEY REFERENCES PAGE (ID),
    WORDS       CHAR(64),
    TEXT_OBJECT CHAR(64),
    PDF         CHAR(64),
    CONFIDENCE  DOUBLE        NOT NULL,
    ISSUES      VARCHAR(4000) NOT NULL,
    SOURCE      VARCHAR(20)   NOT NULL,
    AGENT       VARCHAR(500)  NOT NULL,
    AGENT_CONF  DOUBLE        NOT NULL,
    MADE_AT     TIMESTAMP     NOT NULL
);
CREATE TABLE RENDITION (
    KIND      VARCHAR(20) NOT NULL,
    ENTITY_ID BIGINT      NOT NULL,
    OBJECT    CHAR(64)    NOT NULL,
    PAGES     INT         NOT NULL,
    MADE_AT   TIMESTAMP   NOT NULL,
    PRIMARY KEY (KIND, ENTITY_ID)
);
