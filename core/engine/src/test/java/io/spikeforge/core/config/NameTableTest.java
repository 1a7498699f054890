package io.spikeforge.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one table of a config's names: claims, kinds, sizes, referents and suggestions. */
class NameTableTest {

    /** Two populations (one of them with a wrong size), a spike source, a current and a projection. */
    private static NameTable network() {
        NameTable t = new NameTable();
        declare(t, "exc", NameTable.Kind.POPULATION, 80);
        declare(t, "inh", NameTable.Kind.POPULATION, -1);
        declare(t, "src", NameTable.Kind.SPIKE_SOURCE, 10);
        declare(t, "bias", NameTable.Kind.INPUT, 0);
        declare(t, "ee", NameTable.Kind.PROJECTION, 0);
        return t;
    }

    private static void declare(NameTable t, String name, NameTable.Kind kind, int size) {
        assertNull(t.claim(name, "at." + name));
        t.declare(name, kind, size);
    }

    @Test
    void aSecondClaimOfANameGetsThePathOfTheFirst() {
        NameTable t = network();
        assertEquals("at.exc", t.claim("exc", "populations[3]"));
        assertEquals("at.exc", t.claim("exc", "inputs[0]"), "the first claim keeps the name");
    }

    @Test
    void referentsListTheirKindsInDeclarationOrder() {
        NameTable t = network();
        assertEquals(List.of("exc", "inh", "src"), List.copyOf(t.all(NameTable.GROUP)));
        assertEquals(List.of("exc", "inh"), List.copyOf(t.all(NameTable.POPULATION)));
        assertEquals(List.of("exc", "inh", "src", "ee"), List.copyOf(t.all(NameTable.RECORDABLE)));
        assertTrue(t.declares("src", NameTable.GROUP));
        assertFalse(t.declares("src", NameTable.POPULATION), "a spike source is no population");
        assertFalse(t.declares("bias", NameTable.RECORDABLE), "a current is not recorded");
        assertFalse(t.declares("nope", NameTable.GROUP));
    }

    @Test
    void onlyGroupsWithAValidSizeHaveOne() {
        NameTable t = network();
        assertEquals(80, t.size("exc"));
        assertEquals(10, t.size("src"));
        assertNull(t.size("inh"), "its size was refused");
        assertNull(t.size("bias"));
        assertNull(t.size("ee"));
        assertNull(t.size("nope"));
    }

    @Test
    void aSpikeSourceIsOneOnlyWithASize() {
        NameTable t = network();
        declare(t, "unknownModel", NameTable.Kind.SPIKE_SOURCE, 0);
        assertTrue(t.isSpikeSource("src"));
        assertFalse(t.isSpikeSource("unknownModel"));
        assertFalse(t.isSpikeSource("exc"));
        assertTrue(t.declares("unknownModel", NameTable.GROUP), "still a group, so references to it add no error");
    }

    @Test
    void variablesAreKnownOnceAnEntryPassedValidation() {
        NameTable t = network();
        assertNull(t.variables("exc"));
        t.validated("exc", List.of("spike", "V"));
        assertEquals(List.of("spike", "V"), t.variables("exc"));
        assertNull(t.variables("nope"));
    }

    @Test
    void didYouMeanLooksOnlyAmongTheReferentsKinds() {
        NameTable t = network();
        assertEquals(" Did you mean 'exc'?", t.didYouMean("exd", NameTable.GROUP));
        assertEquals("", t.didYouMean("zz", NameTable.POPULATION));
        assertEquals(" Did you mean 'ee'?", t.didYouMean("zz", NameTable.RECORDABLE));
        assertEquals(Set.of(), new NameTable().all(NameTable.GROUP));
    }
}
