package org.hoso.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ObjectIdTest {

    /** SHA-256 of no bytes. */
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void isTheHexAndPrintsAsIt() {
        ObjectId id = ObjectId.of(EMPTY);
        assertEquals(EMPTY, id.hex());
        assertEquals(EMPTY, id.toString());
        assertEquals(new ObjectId(EMPTY), id);
    }

    @Test
    void rejectsWhatIsNotALowerCaseSha256() {
        for (String bad : new String[] {"", EMPTY.substring(1), EMPTY + "0", EMPTY.toUpperCase(),
                EMPTY.replace('e', 'g'), " " + EMPTY.substring(1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ObjectId.of(bad));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> ObjectId.of(null));
    }
}
